import { apiRoute } from "@/lib/api/api-route";
import { withApiKey } from "@/lib/api/with-api-key";
import { jsonResponse } from "@/lib/api/error-response";
import { unmergeConversation } from "@/lib/conversations/merge-conversation";
import { emptyBodySchema } from "@/lib/conversations/schemas";

const handlePost = withApiKey<{ id: string }>(
  async ({ ctx, params, body }) => {
    emptyBodySchema.parse(body);
    return jsonResponse(await unmergeConversation(ctx, params.id));
  },
  { keys: ["server"] },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ POST: handlePost });
