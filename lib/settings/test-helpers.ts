import { count, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLogs } from "@/db/schema";
import { createAgent } from "../agents/create-agent";
import { loadAgentSession } from "../auth/agent-session";
import type { Role } from "../auth/roles";
import type { Ctx } from "../context";
import { createTestOrg, TEST_PASSWORD } from "../testing/test-org";

/** A test organization with one agent of each role, as contexts and as signed-in sessions. */
export async function createSettingsOrg() {
  const org = await createTestOrg();
  const suffix = org.orgId.slice(0, 8);
  const make = async (role: Role) => {
    const agent = await createAgent(org.orgId, { email: `${role}-${suffix}@example.test`, password: TEST_PASSWORD, role });
    const ctx: Ctx = { orgId: org.orgId, actor: { type: "agent", id: agent.id, name: agent.name, email: agent.email, role } };
    return { agent, ctx };
  };
  const admin = await make("admin");
  const agent = await make("agent");
  const session = async (agentId: string, sandbox = false) => (await loadAgentSession(agentId, 0, sandbox))!;
  return { ...org, ownerCtx: org.ctx, admin, agent, session };
}

export async function auditCount(liveOrgId: string) {
  const [row] = await db.select({ n: count() }).from(auditLogs).where(eq(auditLogs.organizationId, liveOrgId));
  return row!.n;
}
