import { withApiKey } from "@/lib/api/with-api-key";
import { jsonResponse } from "@/lib/api/error-response";
import { resolveConversation } from "@/lib/conversations/resolve-conversation";
import { emptyBodySchema } from "@/lib/conversations/schemas";

export const POST = withApiKey<{ id: string }>(
  async ({ ctx, params, body }) => {
    emptyBodySchema.parse(body);
    return jsonResponse(await resolveConversation(ctx, params.id));
  },
  { keys: ["server"] },
);
