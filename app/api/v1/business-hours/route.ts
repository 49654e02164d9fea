import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { updateBusinessHours } from "@/lib/business-hours/manage-business-hours";
import { businessHoursSchema } from "@/lib/business-hours/schemas";
import { getApiBusinessHours } from "@/lib/business-hours/status";

export const GET = withApiKey(async ({ ctx }) => jsonResponse(await getApiBusinessHours(ctx)), { keys: ["server"] });

export const PUT = withApiKey(
  async ({ ctx, body }) => {
    await updateBusinessHours(ctx, businessHoursSchema.parse(body));
    return jsonResponse(await getApiBusinessHours(ctx));
  },
  { keys: ["server"] },
);
