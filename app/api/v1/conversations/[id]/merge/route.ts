import { withApiKey } from "@/lib/api/with-api-key";
import { jsonResponse } from "@/lib/api/error-response";
import { mergeConversation } from "@/lib/conversations/merge-conversation";
import { mergeConversationSchema } from "@/lib/conversations/schemas";

export const POST = withApiKey<{ id: string }>(
  async ({ ctx, params, body }) => jsonResponse(await mergeConversation(ctx, params.id, mergeConversationSchema.parse(body))),
  { keys: ["server"] },
);
