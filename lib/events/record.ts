import { sql, type SQL } from "drizzle-orm";
import { rows, type Tx } from "@/db/client";
import type { Ctx } from "../context";
import { automationEventFor, automationJobInsert } from "../automation/enqueue";
import { LIVE_CHANNEL, type ActivityAction, type WebhookEventType } from "./types";

export type ActivityInput = { action: ActivityAction; data?: Record<string, unknown> };
export type EventInput = { type: WebhookEventType; data: Record<string, unknown> };

/**
 * Records a change in the caller's transaction, so a rolled-back change leaves no trace: its activity row,
 * its outbox event (a conversation's events carry its next sequence number), a webhook_deliveries row per
 * enabled, subscribed endpoint, and the live signal (NOTIFY is transactional: heard only on commit).
 * All of it is one statement, one round trip.
 */
export async function recordChange(tx: Tx, ctx: Ctx, conversationId: string | null, change: { activity?: ActivityInput; event?: EventInput }) {
  const activity = change.activity && conversationId ? activityInsert(ctx, conversationId, change.activity) : null;
  if (!change.event) {
    if (activity) await tx.execute(activity);
    return null;
  }
  const { type, data } = change.event;
  const payload = sql`${JSON.stringify(data)}::jsonb`;
  // Automation rules listening to this event get a job in the same statement (lib/automation runs it after commit).
  const automation = automationEventFor(ctx, type, data, conversationId);
  const [event] = await rows<{ id: string; seq: string | number }>(
    sql`with ${activity ? sql`activity as (${activity}),` : sql``}
    ${conversationId
      ? sql`next_seq as (
          update conversations set event_seq = event_seq + 1
          where id = ${conversationId} and organization_id = ${ctx.orgId} returning event_seq
        ),
        event as (
          insert into events (organization_id, type, conversation_id, conversation_seq, data)
          select ${ctx.orgId}, ${type}, ${conversationId}, n.event_seq, ${payload} || jsonb_build_object('sequence', n.event_seq)
          from next_seq n
          returning id, seq
        ),`
      : sql`event as (
          insert into events (organization_id, type, data) values (${ctx.orgId}, ${type}, ${payload})
          returning id, seq
        ),`}
    fan_out as (
      insert into webhook_deliveries (organization_id, endpoint_id, event_id)
      select ${ctx.orgId}, e.id, event.id from webhook_endpoints e, event
      where e.organization_id = ${ctx.orgId} and e.enabled and e.events && array['*', ${type}]::text[]
      returning 1
    )${automation && conversationId ? sql`, automation_job as (${automationJobInsert(ctx, automation, conversationId)})` : sql``}
    select event.id, event.seq, pg_notify(${LIVE_CHANNEL}, json_build_object(
      'orgId', ${ctx.orgId}::text, 'conversationId', ${conversationId}::text, 'type', ${type}::text,
      'deliveries', (select count(*) from fan_out)${automation ? sql`, 'automation', (select count(*) from automation_job)` : sql``})::text)
    from event`,
    tx,
  );
  if (!event) throw new Error(`conversation ${conversationId} vanished while recording ${type}`);
  return { id: event.id, seq: Number(event.seq) };
}

function activityInsert(ctx: Ctx, conversationId: string, { action, data = {} }: ActivityInput): SQL {
  return sql`insert into activities (organization_id, conversation_id, actor_type, actor_id, actor_name, action, data)
    values (${ctx.orgId}, ${conversationId}, ${ctx.actor.type}, ${ctx.actor.id}, ${ctx.actor.name}, ${action}, ${JSON.stringify(data)}::jsonb)`;
}

/** One row of a conversation's activity log, in the caller's transaction. */
export async function logActivity(tx: Tx, ctx: Ctx, conversationId: string, action: ActivityAction, data: Record<string, unknown> = {}) {
  await recordChange(tx, ctx, conversationId, { activity: { action, data } });
}

/** An event in the outbox (and its webhook deliveries and live signal), in the caller's transaction. */
export async function emitEvent(tx: Tx, ctx: Ctx, type: WebhookEventType, data: Record<string, unknown>, conversationId: string | null = null) {
  return recordChange(tx, ctx, conversationId, { event: { type, data } });
}
