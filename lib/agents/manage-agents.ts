import { and, asc, eq, isNull } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { agents, type Agent } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import type { Ctx } from "../context";
import { endAllAgentSessions } from "../auth/sessions";
import { ApiError, invalid, notFound } from "../errors";
import { getLiveOrgId } from "../organizations/live-org";
import { assertRole } from "../settings/authorize";
import { parseInput } from "../settings/parse";
import { agentIdSchema, changeRoleSchema } from "./settings-schemas";

export async function listAgents(ctx: Ctx) {
  const orgId = await getLiveOrgId(db, ctx.orgId);
  return db
    .select({ id: agents.id, name: agents.name, email: agents.email, role: agents.role, deactivatedAt: agents.deactivatedAt, createdAt: agents.createdAt })
    .from(agents)
    .where(eq(agents.organizationId, orgId))
    .orderBy(asc(agents.name));
}

/**
 * Locks the organization's active owners and the target, so two admins demoting the two last
 * owners at once cannot both succeed.
 */
async function lockTarget(tx: Tx, ctx: Ctx, id: string) {
  const orgId = await getLiveOrgId(tx, ctx.orgId);
  const owners = await tx
    .select({ id: agents.id })
    .from(agents)
    .where(and(eq(agents.organizationId, orgId), eq(agents.role, "owner"), isNull(agents.deactivatedAt)))
    .for("update");
  const [target] = await tx.select().from(agents).where(and(eq(agents.id, id), eq(agents.organizationId, orgId))).for("update");
  if (!target) throw notFound("Agent");
  // Changing an owner, in any way, is for owners only.
  if (target.role === "owner") assertRole(ctx, "owner");
  return { target, otherActiveOwners: owners.filter((o) => o.id !== id).length };
}

const lastOwner = (what: string) => new ApiError("conflict", `The last owner cannot be ${what}. Make another agent an owner first.`);

const auditTarget = (agent: Agent) => ({ email: agent.email, name: agent.name });

export async function changeAgentRole(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { id, role } = parseInput(changeRoleSchema, input);
  if (role === "owner") assertRole(ctx, "owner");
  return db.transaction(async (tx) => {
    const { target, otherActiveOwners } = await lockTarget(tx, ctx, id);
    if (target.role === role) return target;
    if (target.role === "owner" && !target.deactivatedAt && otherActiveOwners === 0) throw lastOwner("demoted");
    const [row] = await tx.update(agents).set({ role, updatedAt: new Date() }).where(eq(agents.id, id)).returning();
    await recordAudit(tx, ctx, { action: "agent.role_changed", targetType: "agent", targetId: id, data: { ...auditTarget(target), from: target.role, to: role } });
    return row!;
  });
}

/** The agent can no longer sign in and every session ends at once; conversations stay. */
export async function deactivateAgent(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { id } = parseInput(agentIdSchema, input);
  if (ctx.actor.type === "agent" && ctx.actor.id === id) throw invalid("You cannot deactivate yourself.");
  return db.transaction(async (tx) => {
    const { target, otherActiveOwners } = await lockTarget(tx, ctx, id);
    if (target.deactivatedAt) return target;
    if (target.role === "owner" && otherActiveOwners === 0) throw lastOwner("deactivated");
    await endAllAgentSessions(id, tx);
    const [row] = await tx.update(agents).set({ deactivatedAt: new Date(), updatedAt: new Date() }).where(eq(agents.id, id)).returning();
    await recordAudit(tx, ctx, { action: "agent.deactivated", targetType: "agent", targetId: id, data: auditTarget(target) });
    return row!;
  });
}

export async function reactivateAgent(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { id } = parseInput(agentIdSchema, input);
  return db.transaction(async (tx) => {
    const { target } = await lockTarget(tx, ctx, id);
    if (!target.deactivatedAt) return target;
    const [row] = await tx.update(agents).set({ deactivatedAt: null, updatedAt: new Date() }).where(eq(agents.id, id)).returning();
    await recordAudit(tx, ctx, { action: "agent.reactivated", targetType: "agent", targetId: id, data: auditTarget(target) });
    return row!;
  });
}
