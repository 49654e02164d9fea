import { describe, expect, it } from "vitest";
import { deactivateAgent } from "../agents/manage-agents";
import { changePassword } from "../profile/manage-profile";
import { createSettingsOrg } from "../settings/test-helpers";
import { TEST_PASSWORD } from "../testing/test-org";
import { loadAgentSession } from "./agent-session";
import { sessionBoundSignal } from "./session-watch";
import { createAgentSession, endAgentSession, endAllAgentSessions } from "./sessions";

/** What a request carrying a copy of the session cookie gets: the agent, or null once the session ended. */
async function signIn(agent: { id: string; organizationId: string; sessionVersion: number }) {
  const sessionId = await createAgentSession(agent);
  return { sessionId, load: async (sandbox = false) => loadAgentSession(agent.id, agent.sessionVersion, sandbox, sessionId) };
}

const aborted = (signal: AbortSignal) => new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));

describe("server-side sessions", () => {
  it("sign-out ends that session only: a copied cookie stops working, other devices stay signed in", async () => {
    const org = await createSettingsOrg();
    const laptop = await signIn(org.admin.agent);
    const phone = await signIn(org.admin.agent);
    expect(await laptop.load()).toMatchObject({ agent: { id: org.admin.agent.id }, sessionId: laptop.sessionId });
    await endAgentSession(laptop.sessionId, org.admin.agent.id);
    expect(await laptop.load()).toBeNull();
    expect(await phone.load()).not.toBeNull();
  });

  it("a session id only works for the agent it belongs to", async () => {
    const org = await createSettingsOrg();
    const mine = await signIn(org.agent.agent);
    expect(await loadAgentSession(org.admin.agent.id, 0, false, mine.sessionId)).toBeNull();
    await endAgentSession(mine.sessionId, org.admin.agent.id); // someone else's id: nothing ends
    expect(await mine.load()).not.toBeNull();
  });

  it("sign out everywhere ends every session of the agent", async () => {
    const org = await createSettingsOrg();
    const a = await signIn(org.agent.agent);
    const b = await signIn(org.agent.agent);
    const other = await signIn(org.admin.agent);
    await endAllAgentSessions(org.agent.agent.id);
    expect(await a.load()).toBeNull();
    expect(await b.load()).toBeNull();
    expect(await other.load()).not.toBeNull();
  });

  it("a password change ends every session, the current one included", async () => {
    const org = await createSettingsOrg();
    const current = await signIn(org.agent.agent);
    const session = (await current.load())!;
    await expect(changePassword(session, { current_password: "wrong", new_password: "a-new-password", confirm_password: "a-new-password" })).rejects.toMatchObject({
      details: [{ path: ["current_password"] }],
    });
    expect(await current.load()).not.toBeNull();
    await changePassword(session, { current_password: TEST_PASSWORD, new_password: "a-new-password", confirm_password: "a-new-password" });
    expect(await current.load()).toBeNull();
  });

  it("deactivation ends the agent's sessions", async () => {
    const org = await createSettingsOrg();
    const current = await signIn(org.agent.agent);
    await deactivateAgent(org.admin.ctx, { id: org.agent.agent.id });
    expect(await current.load()).toBeNull();
  });

  it("an agent-role cookie for the sandbox is ignored; an admin's is honoured", async () => {
    const org = await createSettingsOrg();
    const agentSession = await (await signIn(org.agent.agent)).load(true);
    expect(agentSession).toMatchObject({ sandbox: false, org: { id: org.orgId } });
    expect(agentSession!.ctx.orgId).toBe(org.orgId);
    const adminSession = await (await signIn(org.admin.agent)).load(true);
    expect(adminSession).toMatchObject({ sandbox: true, org: { sandboxOfId: org.orgId } });
  });

  it("a live stream's signal aborts once the session is signed out or the agent deactivated", async () => {
    const org = await createSettingsOrg();
    for (const end of [
      (s: { sessionId: string }) => endAgentSession(s.sessionId, org.agent.agent.id),
      () => deactivateAgent(org.admin.ctx, { id: org.agent.agent.id }),
    ]) {
      const current = await signIn(org.agent.agent);
      const session = (await current.load())!;
      const request = new AbortController();
      const signal = sessionBoundSignal(session, request.signal, 50);
      await new Promise((r) => setTimeout(r, 150));
      expect(signal.aborted).toBe(false);
      await end(current);
      await aborted(signal);
      expect(request.signal.aborted).toBe(false);
    }
  });

  it("a live stream's signal follows the client going away", async () => {
    const org = await createSettingsOrg();
    const session = (await (await signIn(org.agent.agent)).load())!;
    const request = new AbortController();
    const signal = sessionBoundSignal(session, request.signal, 60_000);
    request.abort();
    expect(signal.aborted).toBe(true);
  });
});
