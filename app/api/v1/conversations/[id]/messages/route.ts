import { apiRoute } from "@/lib/api/api-route";
import { withApiKey } from "@/lib/api/with-api-key";
import { jsonResponse } from "@/lib/api/error-response";
import { listMessages } from "@/lib/messages/list-messages";

const handleGet = withApiKey<{ id: string }>(async ({ ctx, params }) => jsonResponse(await listMessages(ctx, params.id)), {
  keys: ["server", "client"],
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGet });
