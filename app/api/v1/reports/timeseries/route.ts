import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { getReportTimeseries } from "@/lib/reports/timeseries";

export const GET = withApiKey(async ({ ctx, query }) => jsonResponse(await getReportTimeseries(ctx, query)), { keys: ["server"] });
