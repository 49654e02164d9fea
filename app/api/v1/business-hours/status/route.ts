import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { getBusinessHoursStatus } from "@/lib/business-hours/status";

const handleGET = withApiKey(async ({ ctx }) => jsonResponse(await getBusinessHoursStatus(ctx)), { keys: ["server"] });

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGET });
