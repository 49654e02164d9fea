import { apiRoute } from "@/lib/api/api-route";
import { withApiKey } from "@/lib/api/with-api-key";
import { jsonResponse } from "@/lib/api/error-response";
import { getConversationForViewer } from "@/lib/conversations/end-user-view";
import { updateConversationSchema } from "@/lib/conversations/schemas";
import { updateConversation } from "@/lib/conversations/update-conversation";

type Params = { id: string };

const handleGet = withApiKey<Params>(async ({ ctx, params }) => jsonResponse(await getConversationForViewer(ctx, params.id)), {
  keys: ["server", "client"],
});

const handlePatch = withApiKey<Params>(async ({ ctx, params, body }) => jsonResponse(await updateConversation(ctx, params.id, updateConversationSchema.parse(body))), {
  keys: ["server"],
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGet, PATCH: handlePatch });
