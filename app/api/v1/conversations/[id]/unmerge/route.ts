import { withApiKey } from "@/lib/api/with-api-key";
import { jsonResponse } from "@/lib/api/error-response";
import { unmergeConversation } from "@/lib/conversations/merge-conversation";
import { emptyBodySchema } from "@/lib/conversations/schemas";

export const POST = withApiKey<{ id: string }>(
  async ({ ctx, params, body }) => {
    emptyBodySchema.parse(body);
    return jsonResponse(await unmergeConversation(ctx, params.id));
  },
  { keys: ["server"] },
);
