import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { getBusinessHoursStatus } from "@/lib/business-hours/status";

export const GET = withApiKey(async ({ ctx }) => jsonResponse(await getBusinessHoursStatus(ctx)), { keys: ["server"] });
