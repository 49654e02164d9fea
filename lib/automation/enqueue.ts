import { sql, type SQL } from "drizzle-orm";
import type { Ctx } from "../context";
import type { AutomationEvent } from "./schemas";

/** Outbox event types → the automation event rules listen to. */
const TRIGGERS: Partial<Record<string, AutomationEvent>> = {
  conversation_created: "conversation_created",
  message_in: "message_in",
  conversation_status_changed: "status_changed",
  sla_breached: "sla_breached",
};

/** True when the change was made by an automation rule: its changes never trigger rules (no loops). */
export const isAutomationActor = (ctx: Ctx) => ctx.actor.type === "system" && Boolean(ctx.actor.automationRuleId);

/** The automation event an outbox event triggers, or null (not a trigger, caused by a rule, or an auto-reply). */
export function automationEventFor(ctx: Ctx, type: string, data: Record<string, unknown>, conversationId: string | null): AutomationEvent | null {
  const event = TRIGGERS[type];
  if (!event || !conversationId || isAutomationActor(ctx)) return null;
  // Auto-replies (out-of-office mail) are never answered by rules: that is how mail loops start.
  if (data.automated) return null;
  return event;
}

/**
 * The CTE part recordChange adds to its one statement: an automation job for the event, only when the organization
 * has an enabled rule for it (one index probe on automation_rules; no rule, no row, no extra round trip).
 * `event` is recordChange's CTE holding the new event's id.
 */
export function automationJobInsert(ctx: Ctx, event: AutomationEvent, conversationId: string): SQL {
  return sql`insert into automation_jobs (organization_id, conversation_id, event, event_id)
    select ${ctx.orgId}, ${conversationId}, ${event}, event.id from event
    where exists (select 1 from automation_rules r where r.organization_id = ${ctx.orgId} and r.enabled and r.event = ${event})
    returning 1`;
}
