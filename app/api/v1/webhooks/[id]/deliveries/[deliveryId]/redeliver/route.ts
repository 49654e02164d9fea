import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { redeliverWebhookDelivery } from "@/lib/webhooks/deliveries";

const handlePost = withApiKey<{ id: string; deliveryId: string }>(
  async ({ ctx, params }) => jsonResponse(await redeliverWebhookDelivery(ctx, params.id, params.deliveryId), 202),
  { keys: ["server"] },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ POST: handlePost });
