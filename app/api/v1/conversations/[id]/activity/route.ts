import { withApiKey } from "@/lib/api/with-api-key";
import { jsonResponse } from "@/lib/api/error-response";
import { listActivity } from "@/lib/conversations/list-activity";

export const GET = withApiKey<{ id: string }>(async ({ ctx, params }) => jsonResponse(await listActivity(ctx, params.id)), {
  keys: ["server"],
});
