import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { redeliverWebhookDelivery } from "@/lib/webhooks/deliveries";

export const POST = withApiKey<{ id: string; deliveryId: string }>(
  async ({ ctx, params }) => jsonResponse(await redeliverWebhookDelivery(ctx, params.id, params.deliveryId), 202),
  { keys: ["server"] },
);
