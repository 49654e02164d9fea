import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { agents, agentSessions, organizations, type Agent, type Organization } from "@/db/schema";
import type { Ctx } from "../context";
import { roleAtLeast, type Role } from "./roles";

export type AgentSession = {
  agent: Agent;
  /** The organization the agent is looking at: the live one, or its sandbox sibling. */
  org: Organization;
  liveOrgId: string;
  sandbox: boolean;
  /** The server-side session row behind the cookie (absent only for sessions built by tests). */
  sessionId?: string;
  ctx: Ctx;
};

/**
 * Loads the signed-in agent, checking the session has not been ended: its row still exists (sign-out deletes
 * it) and sessionVersion matches (deactivation, password change and "sign out everywhere" bump it).
 * The sandbox is a view for admins only: the cookie alone never lets a lower role in.
 */
export async function loadAgentSession(agentId: string, sessionVersion: number, sandboxCookie: boolean, sessionId?: string): Promise<AgentSession | null> {
  const live = and(eq(agents.id, agentId), isNull(agents.deactivatedAt), eq(agents.sessionVersion, sessionVersion));
  const [agent] = sessionId
    ? (
        await db
          .select({ agent: agents })
          .from(agents)
          .innerJoin(agentSessions, and(eq(agentSessions.agentId, agents.id), eq(agentSessions.id, sessionId), gt(agentSessions.expiresAt, sql`now()`)))
          .where(live)
          .limit(1)
      ).map((row) => row.agent)
    : await db.select().from(agents).where(live).limit(1);
  if (!agent) return null;
  const sandbox = sandboxCookie && roleAtLeast(agent.role, "admin");
  const [org] = await db
    .select()
    .from(organizations)
    .where(sandbox ? eq(organizations.sandboxOfId, agent.organizationId) : eq(organizations.id, agent.organizationId))
    .limit(1);
  if (!org) return null;
  return {
    agent,
    org,
    liveOrgId: agent.organizationId,
    sandbox,
    sessionId,
    ctx: { orgId: org.id, actor: { type: "agent", id: agent.id, name: agent.name, email: agent.email, role: agent.role } },
  };
}

export const hasRole = (session: AgentSession, role: Role) => roleAtLeast(session.agent.role, role);
