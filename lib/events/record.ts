import { eq, and, sql } from "drizzle-orm";
import { rows, type Tx } from "@/db/client";
import { activities, conversations } from "@/db/schema";
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
  // The outbox row and its fan-out in one statement (one round trip): a webhook_deliveries row per enabled,
  // subscribed endpoint commits or rolls back with the change, so the worker never has to discover events.
  const [event] = await rows<{ id: string; seq: string | number; deliveries: number }>(
    sql`with event as (
      insert into events (organization_id, type, conversation_id, conversation_seq, data)
      values (${ctx.orgId}, ${type}, ${conversationId}, ${sequence}, ${JSON.stringify(payload)}::jsonb)
      returning id, seq
    ), fan_out as (
      insert into webhook_deliveries (organization_id, endpoint_id, event_id)
      select ${ctx.orgId}, e.id, event.id from webhook_endpoints e, event
      where e.organization_id = ${ctx.orgId} and e.enabled and e.events && array['*', ${type}]::text[]
      returning 1
    )
    select id, seq, (select count(*) from fan_out)::int as deliveries from event`,
    tx,
  );
  await signalLive(tx, { orgId: ctx.orgId, conversationId, type, deliveries: event!.deliveries });
  return { id: event!.id, seq: Number(event!.seq) };
}

/** NOTIFY is transactional: listeners hear it only if the change commits. */
export async function signalLive(tx: Tx, signal: LiveSignal) {
  await tx.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(signal)})`);
}
