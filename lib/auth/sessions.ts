import { and, eq, lt, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { agents, agentSessions } from "@/db/schema";
import { SESSION_MAX_AGE_S } from "./session-lifetime";


/** Starts a server-side session for a sign-in; its id travels in the (signed) session cookie. */
export async function createAgentSession(agent: { id: string; organizationId: string }, now = new Date()): Promise<string> {
  const [row] = await db
    .insert(agentSessions)
    .values({ agentId: agent.id, organizationId: agent.organizationId, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000) })
    .returning({ id: agentSessions.id });
  return row!.id;
}

/** Ends one session (sign-out): every copy of its cookie stops working on the next request. */
export async function endAgentSession(sessionId: string, agentId: string) {
  await db.delete(agentSessions).where(and(eq(agentSessions.id, sessionId), eq(agentSessions.agentId, agentId)));
}

/**
 * Ends every session of an agent (sign out everywhere, password change, deactivation). sessionVersion is
 * bumped too, as loadAgentSession checks both; pass the transaction so the change and the sign-out commit together.
 */
export async function endAllAgentSessions(agentId: string, tx: DbOrTx = db) {
  await tx.update(agents).set({ sessionVersion: sql`${agents.sessionVersion} + 1` }).where(eq(agents.id, agentId));
  await tx.delete(agentSessions).where(eq(agentSessions.agentId, agentId));
}

/** Removes sessions past their lifetime (their cookies have expired too). */
export async function pruneExpiredSessions(now = new Date()): Promise<number> {
  return (await db.delete(agentSessions).where(lt(agentSessions.expiresAt, now)).returning({ id: agentSessions.id })).length;
}
