import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { agentInvitations } from "@/db/schema";
import { verifyCredentials } from "../auth/verify-credentials";
import { auditCount, createSettingsOrg } from "../settings/test-helpers";
import { acceptInvitation, inviteAgent, listPendingInvitations, lookUpInvitation, revokeInvitation } from "./invitations";

const accept = (token: string) => acceptInvitation({ token, name: "New Person", password: "new-password-1", confirmPassword: "new-password-1" });

describe("invitations", () => {
  it("a one-time link: accepted once by setting a password, then refused", async () => {
    const org = await createSettingsOrg();
    const email = `new-${org.orgId.slice(0, 8)}@example.test`;
    const { token } = await inviteAgent(org.admin.ctx, { email, role: "agent" });
    expect(await lookUpInvitation(token)).toMatchObject({ status: "valid", email, role: "agent" });
    const [stored] = await db.select().from(agentInvitations).where(eq(agentInvitations.organizationId, org.orgId));
    expect(JSON.stringify(stored)).not.toContain(token);

    await accept(token);
    expect(await verifyCredentials({ email, password: "new-password-1" })).toMatchObject({ ok: true });
    expect(await lookUpInvitation(token)).toEqual({ status: "used" });
    await expect(accept(token)).rejects.toMatchObject({ code: "conflict" });
    expect(await listPendingInvitations(org.admin.ctx)).toEqual([]);
  });

  it("an expired link is refused and creates no agent", async () => {
    const org = await createSettingsOrg();
    const email = `late-${org.orgId.slice(0, 8)}@example.test`;
    const { invitation, token } = await inviteAgent(org.admin.ctx, { email, role: "admin", expiresInHours: 24 });
    await db.update(agentInvitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(agentInvitations.id, invitation.id));
    expect(await lookUpInvitation(token)).toEqual({ status: "expired" });
    await expect(accept(token)).rejects.toMatchObject({ code: "not_found", message: expect.stringContaining("expired") });
    expect(await verifyCredentials({ email, password: "new-password-1" })).toMatchObject({ ok: false });
  });

  it("refuses a plain agent, an owner invitation from an admin, an existing email and bad input", async () => {
    const org = await createSettingsOrg();
    const before = await auditCount(org.orgId);
    await expect(inviteAgent(org.agent.ctx, { email: "x@example.test", role: "agent" })).rejects.toMatchObject({ code: "not_found" });
    await expect(inviteAgent(org.admin.ctx, { email: "y@example.test", role: "owner" })).rejects.toMatchObject({ code: "not_found" });
    await expect(inviteAgent(org.admin.ctx, { email: org.owner.email, role: "agent" })).rejects.toMatchObject({ details: [{ path: ["email"] }] });
    await expect(inviteAgent(org.admin.ctx, { email: "not-an-email", role: "agent" })).rejects.toMatchObject({ code: "validation_error" });
    await expect(acceptInvitation({ token: "x".repeat(40), name: "A", password: "short", confirmPassword: "other" })).rejects.toMatchObject({
      code: "validation_error",
    });
    expect(await listPendingInvitations(org.admin.ctx)).toEqual([]);
    expect(await auditCount(org.orgId)).toBe(before);
  });

  it("revoking is limited to the organization's own invitations", async () => {
    const org = await createSettingsOrg();
    const other = await createSettingsOrg();
    const { invitation, token } = await inviteAgent(other.admin.ctx, { email: `o-${other.orgId.slice(0, 8)}@example.test`, role: "agent" });
    await expect(revokeInvitation(org.admin.ctx, { id: invitation.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(revokeInvitation(other.agent.ctx, { id: invitation.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await lookUpInvitation(token)).toMatchObject({ status: "valid" });
    await revokeInvitation(other.admin.ctx, { id: invitation.id });
    expect(await lookUpInvitation(token)).toEqual({ status: "unknown" });
  });

  it("answers the same whether or not the email is an agent of another organization", async () => {
    const org = await createSettingsOrg();
    const other = await createSettingsOrg();
    const fresh = await inviteAgent(org.admin.ctx, { email: `fresh-${org.orgId.slice(0, 8)}@example.test`, role: "agent" });
    const elsewhere = await inviteAgent(org.admin.ctx, { email: other.agent.agent.email.toUpperCase(), role: "agent" });
    expect(Object.keys(elsewhere).sort()).toEqual(Object.keys(fresh).sort());
    expect(elsewhere.invitation).toMatchObject({ email: other.agent.agent.email, role: "agent", acceptedAt: null });
    expect((await listPendingInvitations(org.admin.ctx)).map((i) => i.email).sort()).toEqual([fresh.invitation.email, other.agent.agent.email].sort());
    // Accepting cannot take over the other organization's agent.
    await expect(accept(elsewhere.token)).rejects.toMatchObject({ code: "conflict" });
    expect(await verifyCredentials({ email: other.agent.agent.email, password: "new-password-1" })).toMatchObject({ ok: false });
  });
});
