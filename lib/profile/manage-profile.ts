import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { agents, cannedReplies } from "@/db/schema";
import type { AgentSession } from "../auth/agent-session";
import { assertShortcutFree } from "../canned-replies/manage-canned-replies";
import { hashPassword, verifyPassword } from "../agents/password";
import { recordAudit } from "../audit/record-audit";
import { endAllAgentSessions } from "../auth/sessions";
import { invalid, notFound } from "../errors";
import { parseInput } from "../settings/parse";
import {
  availabilitySchema,
  changePasswordSchema,
  deletePersonalCannedReplySchema,
  notificationPrefsSchema,
  personalCannedReplySchema,
  updateProfileSchema,
} from "./schemas";

// Every function here changes the signed-in agent's own row (or own replies): any role may, for itself only.
const mine = (session: AgentSession) => and(eq(agents.id, session.agent.id), eq(agents.organizationId, session.liveOrgId));

export async function updateProfile(session: AgentSession, input: unknown) {
  const params = parseInput(updateProfileSchema, input);
  await db.update(agents).set({ name: params.name, signature: params.signature, updatedAt: new Date() }).where(mine(session));
  return params;
}

export async function setAvailability(session: AgentSession, input: unknown) {
  const { availability } = parseInput(availabilitySchema, input);
  await db.update(agents).set({ availability, availabilityUpdatedAt: new Date() }).where(mine(session));
  return { availability };
}

export async function setNotificationPrefs(session: AgentSession, input: unknown) {
  const prefs = parseInput(notificationPrefsSchema, input);
  await db.update(agents).set({ notificationPrefs: prefs }).where(mine(session));
  return prefs;
}

/**
 * Changes the agent's password after checking the current one, and ends every session of the agent (the
 * session rows are deleted and the session version bumped, as deactivation does): the caller signs the current
 * browser in again.
 */
export async function changePassword(session: AgentSession, input: unknown) {
  const params = parseInput(changePasswordSchema, input);
  const [row] = await db.select({ hash: agents.passwordHash }).from(agents).where(mine(session)).limit(1);
  if (!row?.hash || !(await verifyPassword(params.current_password, row.hash))) {
    throw invalid("current password is incorrect", [{ path: ["current_password"], message: "incorrect" }]);
  }
  const passwordHash = await hashPassword(params.new_password);
  await db.transaction(async (tx) => {
    await tx.update(agents).set({ passwordHash, updatedAt: new Date() }).where(mine(session));
    await endAllAgentSessions(session.agent.id, tx);
    await recordAudit(tx, session.ctx, { action: "agent.password_changed", targetType: "agent", targetId: session.agent.id, data: {} });
  });
  return { email: session.agent.email, password: params.new_password };
}

export async function listPersonalCannedReplies(session: AgentSession) {
  return db
    .select({ id: cannedReplies.id, title: cannedReplies.title, shortcut: cannedReplies.shortcut, body: cannedReplies.body })
    .from(cannedReplies)
    .where(and(eq(cannedReplies.organizationId, session.ctx.orgId), eq(cannedReplies.ownerAgentId, session.agent.id)))
    .orderBy(cannedReplies.shortcut);
}

export async function createPersonalCannedReply(session: AgentSession, input: unknown) {
  const params = parseInput(personalCannedReplySchema, input);
  const { ctx } = session;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`canned:${ctx.orgId}`}))`);
    await assertShortcutFree(tx, ctx, params.shortcut, session.agent.id);
    const [row] = await tx.insert(cannedReplies).values({ organizationId: ctx.orgId, ownerAgentId: session.agent.id, ...params }).returning();
    return row!;
  });
}

export async function deletePersonalCannedReply(session: AgentSession, input: unknown) {
  const { id } = parseInput(deletePersonalCannedReplySchema, input);
  const [row] = await db
    .delete(cannedReplies)
    .where(and(eq(cannedReplies.id, id), eq(cannedReplies.organizationId, session.ctx.orgId), eq(cannedReplies.ownerAgentId, session.agent.id)))
    .returning({ id: cannedReplies.id });
  if (!row) throw notFound("Canned reply");
  return row;
}
