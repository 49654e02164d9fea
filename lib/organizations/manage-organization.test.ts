import { eq, or } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { organizations } from "@/db/schema";
import { auditCount, createSettingsOrg } from "../settings/test-helpers";
import { getOrganizationSettings, revealIdentitySecret, rotateIdentitySecret, updateOrganization } from "./manage-organization";

const bothRows = (orgId: string) => db.select().from(organizations).where(or(eq(organizations.id, orgId), eq(organizations.sandboxOfId, orgId)));

describe("organization settings", () => {
  it("an admin updates name, time zone and rate limit on the live and sandbox rows alike", async () => {
    const org = await createSettingsOrg();
    await updateOrganization(org.admin.ctx, { name: "Renamed Co", timeZone: "Europe/Paris", rateLimitPerMinute: "120" });
    const rows = await bothRows(org.orgId);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ name: "Renamed Co", timeZone: "Europe/Paris", rateLimitPerMinute: 120 });
  });

  it("a sandbox session edits the same organization settings", async () => {
    const org = await createSettingsOrg();
    const sandbox = await org.session(org.admin.agent.id, true);
    expect(sandbox.ctx.orgId).not.toBe(org.orgId);
    await updateOrganization(sandbox.ctx, { name: "From sandbox", timeZone: "UTC", rateLimitPerMinute: 60 });
    expect((await getOrganizationSettings(org.admin.ctx)).name).toBe("From sandbox");
  });

  it("rotation keeps the old secret for the grace period, on both rows; owners only", async () => {
    const org = await createSettingsOrg();
    const old = org.identitySecret;
    await expect(rotateIdentitySecret(org.admin.ctx, { graceHours: 24 })).rejects.toMatchObject({ code: "not_found" });
    const { identitySecret } = await rotateIdentitySecret(org.ownerCtx, { graceHours: "24" });
    expect(identitySecret).not.toBe(old);
    for (const row of await bothRows(org.orgId)) {
      expect(row.identitySecret).toBe(identitySecret);
      expect(row.previousIdentitySecret).toBe(old);
      expect(row.previousIdentitySecretExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    }
    await rotateIdentitySecret(org.ownerCtx, { graceHours: 0 });
    for (const row of await bothRows(org.orgId)) expect(row.previousIdentitySecret).toBeNull();
    expect(await revealIdentitySecret(org.admin.ctx)).toEqual({ identitySecret: (await bothRows(org.orgId))[0]!.identitySecret });
  });

  it("refuses a plain agent and invalid input, changing nothing", async () => {
    const org = await createSettingsOrg();
    const before = await auditCount(org.orgId);
    const valid = { name: "X", timeZone: "UTC", rateLimitPerMinute: 10 };
    await expect(updateOrganization(org.agent.ctx, valid)).rejects.toMatchObject({ code: "not_found" });
    await expect(revealIdentitySecret(org.agent.ctx)).rejects.toMatchObject({ code: "not_found" });
    await expect(updateOrganization(org.admin.ctx, { ...valid, timeZone: "Mars/Olympus" })).rejects.toMatchObject({ details: [{ path: ["timeZone"] }] });
    await expect(updateOrganization(org.admin.ctx, { ...valid, rateLimitPerMinute: "0" })).rejects.toMatchObject({ details: [{ path: ["rateLimitPerMinute"] }] });
    await expect(updateOrganization(org.admin.ctx, { ...valid, name: "  " })).rejects.toMatchObject({ details: [{ path: ["name"] }] });
    await expect(rotateIdentitySecret(org.ownerCtx, { graceHours: 5 })).rejects.toMatchObject({ code: "validation_error" });
    const rows = await bothRows(org.orgId);
    for (const row of rows) expect(row).toMatchObject({ name: org.organization.name, identitySecret: org.identitySecret });
    expect(await auditCount(org.orgId)).toBe(before);
  });
});
