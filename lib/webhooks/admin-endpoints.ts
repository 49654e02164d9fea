import { db } from "@/db/client";
import { recordAudit } from "../audit/record-audit";
import type { Ctx } from "../context";
import { redeliverWebhookDelivery } from "./deliveries";
import { createWebhookEndpoint, deleteWebhookEndpoint, getWebhookEndpointRowOrThrow, updateWebhookEndpoint } from "./endpoints";
import { rotateWebhookSecret } from "./rotate-webhook-secret";
import { sendWebhookTestEvent } from "./send-test-event";
import { assertRole } from "../settings/authorize";
import { parseInput } from "../settings/parse";
import { createWebhookFormSchema, redeliverFormSchema, rotateWebhookFormSchema, updateWebhookFormSchema, webhookIdSchema } from "./admin-schemas";

// The admin pages' side of lib/webhooks: role check, form parsing, and the change with its audit row in one
// transaction (a change is never left without its audit row, nor an audit row without its change).

export async function createWebhookFromSettings(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const params = parseInput(createWebhookFormSchema, input);
  return createWebhookEndpoint(ctx, params, (tx, endpoint) =>
    recordAudit(tx, ctx, { action: "webhook.created", targetType: "webhook_endpoint", targetId: endpoint.id, data: { url: endpoint.url, events: endpoint.events } }),
  );
}

export async function updateWebhookFromSettings(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { id, ...params } = parseInput(updateWebhookFormSchema, input);
  return updateWebhookEndpoint(ctx, id, params, (tx, endpoint) =>
    recordAudit(tx, ctx, { action: "webhook.updated", targetType: "webhook_endpoint", targetId: id, data: { url: endpoint.url, events: endpoint.events, enabled: endpoint.enabled } }),
  );
}

export async function deleteWebhookFromSettings(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { id } = parseInput(webhookIdSchema, input);
  return db.transaction(async (tx) => {
    const endpoint = await getWebhookEndpointRowOrThrow(ctx, id, tx);
    await deleteWebhookEndpoint(ctx, id, tx);
    await recordAudit(tx, ctx, { action: "webhook.deleted", targetType: "webhook_endpoint", targetId: id, data: { url: endpoint.url } });
    return { id };
  });
}

/** Shows the current signing secret to an admin; audited like the identity secret. */
export async function revealWebhookSecret(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { id } = parseInput(webhookIdSchema, input);
  const { secret } = await getWebhookEndpointRowOrThrow(ctx, id);
  await recordAudit(db, ctx, { action: "webhook.secret_revealed", targetType: "webhook_endpoint", targetId: id });
  return { secret };
}

export async function rotateWebhookSecretFromSettings(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { id, graceHours } = parseInput(rotateWebhookFormSchema, input);
  return db.transaction(async (tx) => {
    const { secret, previous_secret_expires_at } = await rotateWebhookSecret(ctx, id, { grace_hours: graceHours }, tx);
    await recordAudit(tx, ctx, { action: "webhook.secret_rotated", targetType: "webhook_endpoint", targetId: id, data: { graceHours } });
    return { secret, previousSecretExpiresAt: previous_secret_expires_at };
  });
}

export async function redeliverFromSettings(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { endpointId, deliveryId } = parseInput(redeliverFormSchema, input);
  return db.transaction(async (tx) => {
    const delivery = await redeliverWebhookDelivery(ctx, endpointId, deliveryId, tx);
    await recordAudit(tx, ctx, { action: "webhook.redelivered", targetType: "webhook_delivery", targetId: deliveryId, data: { endpointId, event: delivery.event_type } });
    return delivery;
  });
}

export async function sendTestEventFromSettings(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { id } = parseInput(webhookIdSchema, input);
  return db.transaction(async (tx) => {
    const delivery = await sendWebhookTestEvent(ctx, id, tx);
    await recordAudit(tx, ctx, { action: "webhook.test_sent", targetType: "webhook_endpoint", targetId: id });
    return delivery;
  });
}
