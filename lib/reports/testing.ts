import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { createAgent } from "../agents/create-agent";
import type { Ctx } from "../context";
import { createConversation } from "../conversations/create-conversation";
import { createMessage } from "../messages/create-message";
import { createTestOrg, TEST_PASSWORD } from "../testing/test-org";

/** An organization with an owner (admin) and one plain agent, each with a context to act as. */
export async function createReportsOrg() {
  const org = await createTestOrg("Reports");
  const agent = await createAgent(org.orgId, { email: `agent-${org.orgId.slice(0, 8)}@example.test`, password: TEST_PASSWORD, role: "agent", name: "Avery Agent" });
  const agentCtx: Ctx = { orgId: org.orgId, actor: { type: "agent", id: agent.id, name: agent.name, email: agent.email, role: "agent" } };
  return { ...org, agent, agentCtx };
}

/** A conversation opened by a customer `ageSeconds` ago (the row is back-dated so durations are predictable). */
export async function customerConversation(ctx: Ctx, subject: string, ageSeconds = 0) {
  const { conversation } = await createConversation(ctx, { subject, user_email: `${subject.replace(/\W+/g, "-").toLowerCase()}@example.test`, description: "Hello?" });
  if (ageSeconds) {
    await db.execute(sql`update conversations set created_at = created_at - make_interval(secs => ${ageSeconds}) where id = ${conversation.id}`);
    await db.execute(sql`update messages set created_at = created_at - make_interval(secs => ${ageSeconds}) where conversation_id = ${conversation.id}`);
  }
  return conversation;
}

export const reply = (ctx: Ctx, conversationId: string, body = "On it.") => createMessage(ctx, conversationId, { body });
export const customerWrites = (ctx: Ctx, conversationId: string, email: string, body = "Any news?") =>
  createMessage(ctx, conversationId, { body, user_email: email });
