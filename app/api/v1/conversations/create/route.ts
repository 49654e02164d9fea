import { apiRoute } from "@/lib/api/api-route";
import { withApiKey } from "@/lib/api/with-api-key";
import { jsonResponse } from "@/lib/api/error-response";
import { createConversation } from "@/lib/conversations/create-conversation";
import { createConversationSchema } from "@/lib/conversations/schemas";

// A client key with a verified end user creates for that user; without one, for a new anonymous user,
// whose token comes back once in X-Dexra-User-Token.
const handlePost = withApiKey(
  async ({ ctx, body }) => {
    const requesterId = ctx.actor.type === "end_user" ? ctx.actor.id : undefined;
    const { conversation, anonymousToken } = await createConversation(ctx, createConversationSchema.parse(body), { requesterId });
    return jsonResponse(conversation, 201, anonymousToken ? { "x-dexra-user-token": anonymousToken } : {});
  },
  { keys: ["server", "client"], anonymous: true },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ POST: handlePost });
