import { withApiKey } from "@/lib/api/with-api-key";
import { csvResponse, exportReportCsv } from "@/lib/reports/csv";

export const GET = withApiKey(async ({ ctx, query }) => csvResponse(await exportReportCsv(ctx, query)), { keys: ["server"] });
