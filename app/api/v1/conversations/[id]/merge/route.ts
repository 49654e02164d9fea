import { apiRoute } from "@/lib/api/api-route";
import { withApiKey } from "@/lib/api/with-api-key";
import { jsonResponse } from "@/lib/api/error-response";
import { mergeConversation } from "@/lib/conversations/merge-conversation";
import { mergeConversationSchema } from "@/lib/conversations/schemas";

const handlePost = withApiKey<{ id: string }>(
  async ({ ctx, params, body }) => jsonResponse(await mergeConversation(ctx, params.id, mergeConversationSchema.parse(body))),
  { keys: ["server"] },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ POST: handlePost });
