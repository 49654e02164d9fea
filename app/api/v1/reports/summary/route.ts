import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { getReportSummary } from "@/lib/reports/summary";

export const GET = withApiKey(async ({ ctx, query }) => jsonResponse(await getReportSummary(ctx, query)), { keys: ["server"] });
