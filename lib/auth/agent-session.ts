import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { agents, organizations, type Agent, type Organization } from "@/db/schema";
import type { Ctx } from "../context";
import { roleAtLeast, type Role } from "./roles";

export type AgentSession = {
  agent: Agent;
  /** The organization the agent is looking at: the live one, or its sandbox sibling. */
  org: Organization;
  liveOrgId: string;
  sandbox: boolean;
  ctx: Ctx;
};

/** Loads the signed-in agent, checking the session has not been ended (deactivation bumps sessionVersion). */
export async function loadAgentSession(agentId: string, sessionVersion: number, sandbox: boolean): Promise<AgentSession | null> {
  const [agent] = await db
    .select()
    .from(agents)
    .where(and(eq(agents.id, agentId), isNull(agents.deactivatedAt), eq(agents.sessionVersion, sessionVersion)))
    .limit(1);
  if (!agent) return null;
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
    ctx: { orgId: org.id, actor: { type: "agent", id: agent.id, name: agent.name, email: agent.email, role: agent.role } },
  };
}

export const hasRole = (session: AgentSession, role: Role) => roleAtLeast(session.agent.role, role);
