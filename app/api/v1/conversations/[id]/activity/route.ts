import { apiRoute } from "@/lib/api/api-route";
import { withApiKey } from "@/lib/api/with-api-key";
import { jsonResponse } from "@/lib/api/error-response";
import { listActivity } from "@/lib/conversations/list-activity";

const handleGet = withApiKey<{ id: string }>(async ({ ctx, params }) => jsonResponse(await listActivity(ctx, params.id)), {
  keys: ["server"],
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGet });
