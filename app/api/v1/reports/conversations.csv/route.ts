import { apiRoute } from "@/lib/api/api-route";
import { withApiKey } from "@/lib/api/with-api-key";
import { csvResponse, exportReportCsv } from "@/lib/reports/csv";

const handleGET = withApiKey(async ({ ctx, query }) => csvResponse(await exportReportCsv(ctx, query)), { keys: ["server"] });

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGET });
