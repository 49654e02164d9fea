import { db, type DbOrTx } from "@/db/client";
import { events, webhookDeliveries } from "@/db/schema";
import type { Ctx } from "../context";
import { ApiError } from "../errors";
import { getWebhookDelivery } from "./deliveries";
import { getWebhookEndpointRowOrThrow } from "./endpoints";

/** Not a domain event: delivered to one endpoint only, and left out of the /api/v1/events feed. */
export const TEST_EVENT_TYPE = "webhook_test";

/** Queues a `webhook_test` event for this endpoint alone, ignoring its event filter; returns the delivery. */
export async function sendWebhookTestEvent(ctx: Ctx, endpointId: string, executor: DbOrTx = db) {
  const endpoint = await getWebhookEndpointRowOrThrow(ctx, endpointId, executor);
  if (!endpoint.enabled) throw new ApiError("conflict", "The endpoint is disabled; enable it before sending a test event");
  const deliveryId = await executor.transaction(async (tx) => {
    const [event] = await tx
      .insert(events)
      .values({ organizationId: ctx.orgId, type: TEST_EVENT_TYPE, data: { message: "Test event from Dexra", endpoint_id: endpoint.id } })
      .returning({ id: events.id });
    const [delivery] = await tx
      .insert(webhookDeliveries)
      .values({ organizationId: ctx.orgId, endpointId: endpoint.id, eventId: event!.id })
      .returning({ id: webhookDeliveries.id });
    return delivery!.id;
  });
  return getWebhookDelivery(ctx, endpointId, deliveryId, executor);
}
