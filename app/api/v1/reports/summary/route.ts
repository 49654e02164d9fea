import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { getReportSummary } from "@/lib/reports/summary";

const handleGET = withApiKey(async ({ ctx, query }) => jsonResponse(await getReportSummary(ctx, query)), { keys: ["server"] });

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGET });
