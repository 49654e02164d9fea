import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { getApiAgent } from "@/lib/agents/api-agents";

export const GET = withApiKey<{ id: string }>(async ({ ctx, params }) => jsonResponse(await getApiAgent(ctx, params.id)), { keys: ["server"] });
