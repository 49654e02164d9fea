import { and, asc, eq, sql } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { automationRules } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import type { Ctx } from "../context";
import { notFound } from "../errors";
import { assertRole } from "../settings/authorize";
import { parseInput } from "../settings/parse";
import { checkRuleReferences } from "./rule-references";
import { reorderRulesSchema, ruleIdSchema, ruleInputSchema, toggleRuleSchema, updateRuleSchema } from "./schemas";

const ofOrg = (ctx: Ctx, id: string) => and(eq(automationRules.organizationId, ctx.orgId), eq(automationRules.id, id));

/** The organization's rules in the order they run. */
export async function listAutomationRules(ctx: Ctx) {
  assertRole(ctx, "admin");
  return db.select().from(automationRules).where(eq(automationRules.organizationId, ctx.orgId)).orderBy(asc(automationRules.position), asc(automationRules.createdAt));
}

/** A new rule runs after the existing ones. */
export async function createAutomationRule(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const params = parseInput(ruleInputSchema, input);
  await checkRuleReferences(ctx, params.actions);
  return db.transaction(async (tx) => {
    await lockRules(tx, ctx);
    const [row] = await tx
      .insert(automationRules)
      .values({
        organizationId: ctx.orgId,
        ...params,
        position: sql`(select coalesce(max(position), -1) + 1 from automation_rules where organization_id = ${ctx.orgId})`,
      })
      .returning();
    await recordAudit(tx, ctx, { action: "automation_rule.created", targetType: "automation_rule", targetId: row!.id, data: { name: params.name } });
    return row!;
  });
}

export async function updateAutomationRule(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { id, ...params } = parseInput(updateRuleSchema, input);
  await checkRuleReferences(ctx, params.actions);
  return db.transaction(async (tx) => {
    const [row] = await tx.update(automationRules).set({ ...params, updatedAt: new Date() }).where(ofOrg(ctx, id)).returning();
    if (!row) throw notFound("Automation rule");
    await recordAudit(tx, ctx, { action: "automation_rule.updated", targetType: "automation_rule", targetId: id, data: { name: params.name } });
    return row;
  });
}

export async function setAutomationRuleEnabled(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { id, enabled } = parseInput(toggleRuleSchema, input);
  return db.transaction(async (tx) => {
    const [row] = await tx.update(automationRules).set({ enabled, updatedAt: new Date() }).where(ofOrg(ctx, id)).returning();
    if (!row) throw notFound("Automation rule");
    await recordAudit(tx, ctx, { action: enabled ? "automation_rule.enabled" : "automation_rule.disabled", targetType: "automation_rule", targetId: id, data: { name: row.name } });
    return row;
  });
}

export async function deleteAutomationRule(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { id } = parseInput(ruleIdSchema, input);
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(automationRules).where(ofOrg(ctx, id)).returning();
    if (!row) throw notFound("Automation rule");
    await recordAudit(tx, ctx, { action: "automation_rule.deleted", targetType: "automation_rule", targetId: id, data: { name: row.name } });
    return { id };
  });
}

/** `ids` in their new running order; rules not named (another admin's new one) keep running after them. */
export async function reorderAutomationRules(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { ids } = parseInput(reorderRulesSchema, input);
  return db.transaction(async (tx) => {
    await lockRules(tx, ctx);
    await tx.execute(sql`
      update automation_rules r set position = coalesce(o.ord - 1, ${ids.length} + r.position), updated_at = now()
      from automation_rules r2 left join unnest(${sql`array[${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}]`}) with ordinality as o(id, ord) on o.id = r2.id
      where r2.id = r.id and r.organization_id = ${ctx.orgId}`);
    await recordAudit(tx, ctx, { action: "automation_rule.reordered", targetType: "automation_rule", data: { ids } });
  });
}

/** Serializes position changes within one organization (two admins adding rules at once get distinct positions). */
async function lockRules(tx: Tx, ctx: Ctx) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('dexra_automation_rules'), hashtext(${ctx.orgId}))`);
}
