import { apiRoute } from "@/lib/api/api-route";
import { withApiKey } from "@/lib/api/with-api-key";
import { jsonResponse } from "@/lib/api/error-response";
import { claimConversation } from "@/lib/conversations/claim-conversation";
import { claimConversationSchema } from "@/lib/conversations/schemas";

const claim = withApiKey<{ id: string }>(
  async ({ ctx, params, body }) => {
    const input = claimConversationSchema.parse(body);
    return jsonResponse(await claimConversation(ctx, params.id, { email: input.agent_email, id: input.agent_id, force: input.force }));
  },
  { keys: ["server"] },
);

// Dixa claims with PUT; POST is accepted too, like every other action here.
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ POST: claim, PUT: claim });
