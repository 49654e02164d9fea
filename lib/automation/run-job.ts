import { and, asc, eq, gt } from "drizzle-orm";
import { db } from "@/db/client";
import { automationRules } from "@/db/schema";
import type { Ctx } from "../context";
import { ApiError } from "../errors";
import { logActivity } from "../events/record";
import { runAction } from "./actions";
import { matchesConditions } from "./conditions";
import { markJobProgress, type AutomationJob } from "./queue";
import { loadRuleSubject } from "./rule-subject";
import { actionSchema, conditionsSchema } from "./schemas";

/** The actor of a rule's changes: recorded as "Automation “name”", and never a trigger for rules (enqueue.ts). */
export const ruleCtx = (orgId: string, rule: { id: string; name: string }): Ctx => ({
  orgId,
  actor: { type: "system", id: null, name: `Automation “${rule.name}”`, automationRuleId: rule.id },
});

/**
 * Runs the organization's enabled rules for the job's event, in order. Each rule sees the conversation as the
 * rules before it left it; each rule that matched leaves one `automation_ran` activity listing what it did (an
 * action that cannot be done, e.g. a deleted team, is listed as such and the others still run).
 */
export async function runAutomationJob(job: AutomationJob) {
  const rules = await db
    .select()
    .from(automationRules)
    .where(and(
      eq(automationRules.organizationId, job.organization_id),
      eq(automationRules.enabled, true),
      eq(automationRules.event, job.event),
      job.done_position === null ? undefined : gt(automationRules.position, job.done_position),
    ))
    .orderBy(asc(automationRules.position), asc(automationRules.createdAt));
  const needsHours = rules.some((r) => (r.conditions as { business_hours?: string }).business_hours);
  let ran = 0;
  for (const rule of rules) {
    const ctx = ruleCtx(job.organization_id, rule);
    const conditions = conditionsSchema.safeParse(rule.conditions);
    const actions = actionSchema.array().safeParse(rule.actions);
    const subject = await loadRuleSubject(ctx, job.conversation_id, job.event_id, needsHours);
    if (!subject) return ran; // the conversation is gone
    if (conditions.success && actions.success && matchesConditions(conditions.data, subject)) {
      const done: string[] = [];
      for (const action of actions.data) {
        try {
          done.push(await runAction({ ctx, conversationId: job.conversation_id, rule, event: job.event }, action));
        } catch (error) {
          if (!(error instanceof ApiError) && !(error instanceof Error && error.message.startsWith("webhook "))) throw error;
          done.push(`could not ${action.type.replaceAll("_", " ")}: ${error.message}`);
        }
      }
      await db.transaction((tx) => logActivity(tx, ctx, job.conversation_id, "automation_ran", { rule_id: rule.id, rule_name: rule.name, event: job.event, actions: done }));
      ran++;
    }
    await markJobProgress(job, rule.position);
    job.done_position = rule.position;
  }
  return ran;
}
