import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { events, webhookAttempts, webhookDeliveries } from "@/db/schema";
import type { Ctx } from "../context";
import { notFound } from "../errors";
import { isUuid } from "../ids";
import { getWebhookEndpointRowOrThrow } from "./endpoints";
import { listDeliveriesSchema, type ListDeliveriesInput } from "./schemas";
import { serializeWebhookDelivery, type WebhookAttemptRow } from "./serialize";

const attemptColumns = {
  deliveryId: webhookAttempts.deliveryId,
  attempt: webhookAttempts.attempt,
  statusCode: webhookAttempts.statusCode,
  latencyMs: webhookAttempts.latencyMs,
  error: webhookAttempts.error,
  responseBody: webhookAttempts.responseBody,
  createdAt: webhookAttempts.createdAt,
};

async function withAttempts(ctx: Ctx, list: (typeof webhookDeliveries.$inferSelect & { eventType: string })[], executor: DbOrTx = db) {
  const attempts = list.length
    ? await executor
        .select(attemptColumns)
        .from(webhookAttempts)
        .where(and(eq(webhookAttempts.organizationId, ctx.orgId), inArray(webhookAttempts.deliveryId, list.map((d) => d.id))))
        .orderBy(asc(webhookAttempts.attempt), asc(webhookAttempts.createdAt))
    : [];
  const byDelivery = new Map<string, WebhookAttemptRow[]>();
  for (const a of attempts) byDelivery.set(a.deliveryId, [...(byDelivery.get(a.deliveryId) ?? []), a]);
  return list.map((d) => serializeWebhookDelivery(d, byDelivery.get(d.id) ?? []));
}

/** An endpoint's deliveries, newest first, each with its full attempt log. */
export async function listWebhookDeliveries(ctx: Ctx, endpointId: string, input: ListDeliveriesInput = {}) {
  const params = listDeliveriesSchema.parse(input);
  await getWebhookEndpointRowOrThrow(ctx, endpointId);
  const where = and(
    eq(webhookDeliveries.organizationId, ctx.orgId),
    eq(webhookDeliveries.endpointId, endpointId),
    params.status ? eq(webhookDeliveries.status, params.status) : undefined,
  );
  const [list, [total]] = await Promise.all([
    db
      .select({ delivery: webhookDeliveries, eventType: events.type })
      .from(webhookDeliveries)
      .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
      .where(where)
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(params.limit)
      .offset(params.offset),
    db.select({ n: count() }).from(webhookDeliveries).where(where),
  ]);
  const results = await withAttempts(ctx, list.map((r) => ({ ...r.delivery, eventType: r.eventType })));
  return { count: total!.n, limit: params.limit, offset: params.offset, results };
}

export async function getWebhookDelivery(ctx: Ctx, endpointId: string, deliveryId: string, executor: DbOrTx = db) {
  if (!isUuid(deliveryId)) throw notFound("Delivery");
  const [row] = await executor
    .select({ delivery: webhookDeliveries, eventType: events.type })
    .from(webhookDeliveries)
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.organizationId, ctx.orgId)));
  if (!row) throw notFound("Delivery");
  const [json] = await withAttempts(ctx, [{ ...row.delivery, eventType: row.eventType }], executor);
  return json!;
}

/**
 * Queues one more attempt now, with the same webhook-id. A delivery that had used up its retries gets this one
 * attempt only; a delivery still being retried just moves its next attempt forward.
 */
export async function redeliverWebhookDelivery(ctx: Ctx, endpointId: string, deliveryId: string, executor: DbOrTx = db) {
  if (!isUuid(endpointId) || !isUuid(deliveryId)) throw notFound("Delivery");
  const [row] = await executor
    .update(webhookDeliveries)
    .set({ status: "pending", nextAttemptAt: sql`now()`, deliveredAt: null })
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.organizationId, ctx.orgId)))
    .returning({ id: webhookDeliveries.id });
  if (!row) throw notFound("Delivery");
  return getWebhookDelivery(ctx, endpointId, deliveryId, executor);
}
