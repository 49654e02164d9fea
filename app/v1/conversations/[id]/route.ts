import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { getV1Conversation } from "@/lib/reference-api/conversations";

const handleGET = withApiKey<{ id: string }>(async ({ ctx, params }) => jsonResponse(await getV1Conversation(ctx, params.id)), { keys: ["server", "client"] });

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGET });
