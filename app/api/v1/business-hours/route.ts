import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { updateBusinessHours } from "@/lib/business-hours/manage-business-hours";
import { businessHoursSchema } from "@/lib/business-hours/schemas";
import { getApiBusinessHours } from "@/lib/business-hours/status";

const handleGET = withApiKey(async ({ ctx }) => jsonResponse(await getApiBusinessHours(ctx)), { keys: ["server"] });

const handlePUT = withApiKey(
  async ({ ctx, body }) => {
    await updateBusinessHours(ctx, businessHoursSchema.parse(body));
    return jsonResponse(await getApiBusinessHours(ctx));
  },
  { keys: ["server"] },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGET, PUT: handlePUT });
