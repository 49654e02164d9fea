import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { agents, conversations } from "@/db/schema";
import { loadAgentSession } from "../auth/agent-session";
import { createConversation } from "../conversations/create-conversation";
import { auditCount, createSettingsOrg } from "../settings/test-helpers";
import { changeAgentRole, deactivateAgent, listAgents, reactivateAgent } from "./manage-agents";

const roleOf = async (id: string) => (await db.select().from(agents).where(eq(agents.id, id)))[0]!;

describe("agent management", () => {
  it("an admin changes roles; only owners grant or change the owner role", async () => {
    const org = await createSettingsOrg();
    await changeAgentRole(org.admin.ctx, { id: org.agent.agent.id, role: "admin" });
    expect((await roleOf(org.agent.agent.id)).role).toBe("admin");
    await expect(changeAgentRole(org.admin.ctx, { id: org.agent.agent.id, role: "owner" })).rejects.toMatchObject({ code: "not_found" });
    await expect(changeAgentRole(org.admin.ctx, { id: org.owner.id, role: "agent" })).rejects.toMatchObject({ code: "not_found" });
    await changeAgentRole(org.ownerCtx, { id: org.admin.agent.id, role: "owner" });
    expect((await roleOf(org.admin.agent.id)).role).toBe("owner");
  });

  it("the last owner can be neither demoted nor deactivated", async () => {
    const org = await createSettingsOrg();
    const before = await auditCount(org.orgId);
    await expect(changeAgentRole(org.ownerCtx, { id: org.owner.id, role: "admin" })).rejects.toMatchObject({ code: "conflict" });
    await changeAgentRole(org.ownerCtx, { id: org.admin.agent.id, role: "owner" });
    // Now there are two owners: the first may step down.
    await changeAgentRole(org.ownerCtx, { id: org.owner.id, role: "admin" });
    const newOwnerCtx = { ...org.admin.ctx, actor: { ...org.admin.ctx.actor, role: "owner" as const } };
    await expect(deactivateAgent(newOwnerCtx, { id: org.owner.id })).resolves.toBeTruthy();
    await expect(changeAgentRole(newOwnerCtx, { id: org.admin.agent.id, role: "agent" })).rejects.toMatchObject({ code: "conflict" });
    expect(await auditCount(org.orgId)).toBe(before + 3);
  });

  it("deactivation ends sessions, keeps conversations, and can be undone", async () => {
    const org = await createSettingsOrg();
    const target = org.agent.agent;
    const { conversation } = await createConversation(org.ownerCtx, { subject: "Kept", user_email: "kept@example.test" });
    await db.update(conversations).set({ assigneeId: target.id }).where(eq(conversations.id, conversation.id));
    expect(await loadAgentSession(target.id, 0, false)).not.toBeNull();

    await deactivateAgent(org.admin.ctx, { id: target.id });
    expect(await loadAgentSession(target.id, 0, false)).toBeNull();
    const [conv] = await db.select().from(conversations).where(eq(conversations.id, conversation.id));
    expect(conv!.assigneeId).toBe(target.id);

    await reactivateAgent(org.admin.ctx, { id: target.id });
    const row = await roleOf(target.id);
    expect(row.deactivatedAt).toBeNull();
    expect(await loadAgentSession(target.id, 0, false)).toBeNull(); // the old session stays ended
    expect(await loadAgentSession(target.id, row.sessionVersion, false)).not.toBeNull();
  });

  it("refuses a plain agent, another organization's agent, bad ids and self-deactivation, changing nothing", async () => {
    const org = await createSettingsOrg();
    const other = await createSettingsOrg();
    const before = await auditCount(org.orgId);
    await expect(changeAgentRole(org.agent.ctx, { id: org.admin.agent.id, role: "agent" })).rejects.toMatchObject({ code: "not_found" });
    await expect(deactivateAgent(org.agent.ctx, { id: org.admin.agent.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(deactivateAgent(org.admin.ctx, { id: other.agent.agent.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(changeAgentRole(org.admin.ctx, { id: other.agent.agent.id, role: "admin" })).rejects.toMatchObject({ code: "not_found" });
    await expect(changeAgentRole(org.admin.ctx, { id: "not-a-uuid", role: "admin" })).rejects.toMatchObject({ code: "validation_error" });
    await expect(changeAgentRole(org.admin.ctx, { id: org.agent.agent.id, role: "superuser" })).rejects.toMatchObject({ code: "validation_error" });
    await expect(deactivateAgent(org.admin.ctx, { id: org.admin.agent.id })).rejects.toMatchObject({ code: "validation_error" });
    expect((await listAgents(org.admin.ctx)).every((a) => a.deactivatedAt === null)).toBe(true);
    expect((await roleOf(other.agent.agent.id)).role).toBe("agent");
    expect(await auditCount(org.orgId)).toBe(before);
  });
});
