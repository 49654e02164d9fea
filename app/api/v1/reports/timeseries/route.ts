import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { getReportTimeseries } from "@/lib/reports/timeseries";

const handleGET = withApiKey(async ({ ctx, query }) => jsonResponse(await getReportTimeseries(ctx, query)), { keys: ["server"] });

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGET });
