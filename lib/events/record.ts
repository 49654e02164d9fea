import { eq, and, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { activities, conversations, events } from "@/db/schema";
import type { Ctx } from "../context";
import { LIVE_CHANNEL, type ActivityAction, type LiveSignal, type WebhookEventType } from "./types";

/** One row of a conversation's activity log, in the caller's transaction. */
export async function logActivity(tx: Tx, ctx: Ctx, conversationId: string, action: ActivityAction, data: Record<string, unknown> = {}) {
  await tx.insert(activities).values({
    organizationId: ctx.orgId,
    conversationId,
    actorType: ctx.actor.type,
    actorId: ctx.actor.id,
    actorName: ctx.actor.name,
    action,
    data,
  });
}

/**
 * Writes an event to the outbox in the caller's transaction (so a rolled-back change emits nothing)
 * and signals live inboxes on commit. Conversation events carry the conversation's next sequence number.
 */
export async function emitEvent(tx: Tx, ctx: Ctx, type: WebhookEventType, data: Record<string, unknown>, conversationId: string | null = null) {
  let sequence: number | null = null;
  if (conversationId) {
    const [row] = await tx
      .update(conversations)
      .set({ eventSeq: sql`${conversations.eventSeq} + 1` })
      .where(and(eq(conversations.id, conversationId), eq(conversations.organizationId, ctx.orgId)))
      .returning({ eventSeq: conversations.eventSeq });
    sequence = row?.eventSeq ?? null;
  }
  const payload = sequence === null ? data : { ...data, sequence };
  const [event] = await tx
    .insert(events)
    .values({ organizationId: ctx.orgId, type, conversationId, conversationSeq: sequence, data: payload })
    .returning({ id: events.id, seq: events.seq });
  await fanOutToWebhooks(tx, ctx.orgId, type, event!.id);
  await signalLive(tx, { orgId: ctx.orgId, conversationId, type });
  return event!;
}

/**
 * One delivery row per subscribed, enabled endpoint, committed (or rolled back) with the change itself,
 * so the worker never has to discover events and an endpoint never misses one.
 */
async function fanOutToWebhooks(tx: Tx, orgId: string, type: WebhookEventType, eventId: string) {
  await tx.execute(sql`
    insert into webhook_deliveries (organization_id, endpoint_id, event_id)
    select ${orgId}, e.id, ${eventId} from webhook_endpoints e
    where e.organization_id = ${orgId} and e.enabled and e.events && array['*', ${type}]::text[]`);
}

/** NOTIFY is transactional: listeners hear it only if the change commits. */
export async function signalLive(tx: Tx, signal: LiveSignal) {
  await tx.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(signal)})`);
}
