import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { getApiAgent } from "@/lib/agents/api-agents";

const handleGET = withApiKey<{ id: string }>(async ({ ctx, params }) => jsonResponse(await getApiAgent(ctx, params.id)), { keys: ["server"] });

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGET });
