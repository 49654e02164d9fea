import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { agents } from "@/db/schema";
import { createAgent } from "../agents/create-agent";
import { loadAgentSession } from "../auth/agent-session";
import { verifyCredentials } from "../auth/verify-credentials";
import { createTestOrg, TEST_PASSWORD } from "../testing/test-org";
import { changePassword, createPersonalCannedReply, deletePersonalCannedReply, listPersonalCannedReplies, setAvailability, updateProfile } from "./manage-profile";

async function agentSession() {
  const org = await createTestOrg();
  const email = `alex-${org.orgId.slice(0, 8)}@example.test`;
  const agent = await createAgent(org.orgId, { email, password: TEST_PASSWORD, name: "Alex", role: "agent" });
  return { ...org, email, session: (await loadAgentSession(agent.id, 0, false))! };
}

describe("agent profile", () => {
  it("lets an agent (role agent) set name, signature and availability on their own row", async () => {
    const { session } = await agentSession();
    await updateProfile(session, { name: "Alex Kim", signature: "— Alex, Acme Support" });
    const before = new Date();
    await setAvailability(session, { availability: "away" });
    const [row] = await db.select().from(agents).where(eq(agents.id, session.agent.id));
    expect(row).toMatchObject({ name: "Alex Kim", signature: "— Alex, Acme Support", availability: "away" });
    expect(row!.availabilityUpdatedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    await expect(setAvailability(session, { availability: "busy" })).rejects.toMatchObject({ status: 400 });
  });

  it("changes the password only with the current one, and ends every existing session", async () => {
    const { session, email } = await agentSession();
    await expect(changePassword(session, { current_password: "wrong", new_password: "a-new-password-1", confirm_password: "a-new-password-1" })).rejects.toMatchObject({ status: 400 });
    await changePassword(session, { current_password: TEST_PASSWORD, new_password: "a-new-password-1", confirm_password: "a-new-password-1" });
    // The old session version no longer loads: every browser signed in before is signed out.
    expect(await loadAgentSession(session.agent.id, 0, false)).toBeNull();
    expect(await loadAgentSession(session.agent.id, 1, false)).not.toBeNull();
    expect((await verifyCredentials({ email, password: "a-new-password-1" })).ok).toBe(true);
    expect((await verifyCredentials({ email, password: TEST_PASSWORD })).ok).toBe(false);
  });

  it("keeps personal canned replies private to their owner", async () => {
    const { session, orgId } = await agentSession();
    const other = await createAgent(orgId, { email: `bo-${orgId.slice(0, 8)}@example.test`, password: TEST_PASSWORD, name: "Bo", role: "agent" });
    const bo = (await loadAgentSession(other.id, 0, false))!;
    const mine = await createPersonalCannedReply(session, { title: "Thanks", shortcut: "thx", body: "Thanks {{requester.first_name}}!" });
    expect((await listPersonalCannedReplies(session)).map((c) => c.shortcut)).toEqual(["thx"]);
    expect(await listPersonalCannedReplies(bo)).toEqual([]);
    await expect(deletePersonalCannedReply(bo, { id: mine.id })).rejects.toMatchObject({ status: 404 });
    await expect(createPersonalCannedReply(session, { title: "Again", shortcut: "thx", body: "dup" })).rejects.toThrow();
    await deletePersonalCannedReply(session, { id: mine.id });
    expect(await listPersonalCannedReplies(session)).toEqual([]);
  });
});
