import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { organizations } from "@/db/schema";
import { auditCount, createSettingsOrg } from "../settings/test-helpers";
import { createTeam, deleteTeam, listTeams, renameTeam, setTeamMembers } from "./manage-teams";

describe("teams settings", () => {
  it("an admin creates, renames, staffs and deletes a team", async () => {
    const org = await createSettingsOrg();
    const team = await createTeam(org.admin.ctx, { name: "Support" });
    await renameTeam(org.admin.ctx, { id: team.id, name: "Tier 1" });
    await setTeamMembers(org.admin.ctx, { id: team.id, agentIds: [org.agent.agent.id, org.owner.id] });
    expect(await listTeams(org.admin.ctx)).toMatchObject([{ name: "Tier 1", memberIds: expect.arrayContaining([org.agent.agent.id, org.owner.id]) }]);
    await setTeamMembers(org.admin.ctx, { id: team.id });
    expect((await listTeams(org.admin.ctx))[0]!.memberIds).toEqual([]);
    await deleteTeam(org.admin.ctx, { id: team.id });
    expect(await listTeams(org.admin.ctx)).toEqual([]);
  });

  it("a team created while viewing the sandbox belongs to the live organization, as agents do", async () => {
    const org = await createSettingsOrg();
    const [sandbox] = await db.select().from(organizations).where(eq(organizations.sandboxOfId, org.orgId));
    const sandboxCtx = { ...org.admin.ctx, orgId: sandbox!.id };
    const team = await createTeam(sandboxCtx, { name: "Night shift" });
    expect(team.organizationId).toBe(org.orgId);
    await setTeamMembers(sandboxCtx, { id: team.id, agentIds: [org.agent.agent.id] });
    expect(await listTeams(org.admin.ctx)).toMatchObject([{ name: "Night shift", memberIds: [org.agent.agent.id] }]);
  });

  it("refuses a plain agent, duplicates, foreign teams and foreign agents, changing nothing", async () => {
    const org = await createSettingsOrg();
    const other = await createSettingsOrg();
    const mine = await createTeam(org.admin.ctx, { name: "Billing" });
    const theirs = await createTeam(other.admin.ctx, { name: "Theirs" });
    const before = await auditCount(org.orgId);
    await expect(createTeam(org.agent.ctx, { name: "Nope" })).rejects.toMatchObject({ code: "not_found" });
    await expect(createTeam(org.admin.ctx, { name: "Billing" })).rejects.toMatchObject({ details: [{ path: ["name"] }] });
    await expect(createTeam(org.admin.ctx, { name: "" })).rejects.toMatchObject({ code: "validation_error" });
    await expect(renameTeam(org.admin.ctx, { id: theirs.id, name: "Stolen" })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteTeam(org.admin.ctx, { id: theirs.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(setTeamMembers(org.admin.ctx, { id: mine.id, agentIds: [other.agent.agent.id] })).rejects.toMatchObject({ details: [{ path: ["agentIds"] }] });
    await expect(setTeamMembers(org.admin.ctx, { id: theirs.id, agentIds: [] })).rejects.toMatchObject({ code: "not_found" });
    expect(await listTeams(org.admin.ctx)).toMatchObject([{ name: "Billing", memberIds: [] }]);
    expect(await listTeams(other.admin.ctx)).toMatchObject([{ name: "Theirs" }]);
    expect(await auditCount(org.orgId)).toBe(before);
  });
});
