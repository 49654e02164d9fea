import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { apiKeys, auditLogs } from "@/db/schema";
import { createApiKey } from "./create-api-key";
import { createOrgApiKey, listApiKeys, revokeOrgApiKey } from "./manage-api-keys";
import { auditCount, createSettingsOrg } from "../settings/test-helpers";

describe("API keys settings", () => {
  it("an admin creates a named test client key, sees it listed by prefix and revokes it", async () => {
    const org = await createSettingsOrg();
    const { key, prefix } = await createOrgApiKey(org.admin.ctx, { name: "Widget", kind: "client", mode: "test" });
    expect(key).toMatch(/^pk_test_/);
    const listed = await listApiKeys(org.admin.ctx);
    expect(listed).toHaveLength(5); // the four created with the organization, and this one
    expect(listed.find((k) => k.prefix === prefix)).toMatchObject({ name: "Widget", kind: "client", isTest: true, revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(key);
    await revokeOrgApiKey(org.admin.ctx, { prefix });
    expect((await db.select().from(apiKeys).where(eq(apiKeys.prefix, prefix)))[0]!.revokedAt).toBeInstanceOf(Date);
    const audit = await db.select().from(auditLogs).where(eq(auditLogs.organizationId, org.orgId));
    expect(audit.map((a) => a.action).sort()).toEqual(["api_key.created", "api_key.revoked"]);
    expect(JSON.stringify(audit)).not.toContain(key);
  });

  it("refuses a plain agent, bad input and another organization's key, changing nothing", async () => {
    const org = await createSettingsOrg();
    const other = await createSettingsOrg();
    const theirs = await createApiKey(other.orgId, { kind: "server" });
    const before = await auditCount(org.orgId);
    await expect(createOrgApiKey(org.agent.ctx, { name: "x", kind: "server", mode: "live" })).rejects.toMatchObject({ code: "not_found" });
    await expect(revokeOrgApiKey(org.agent.ctx, { prefix: theirs.prefix })).rejects.toMatchObject({ code: "not_found" });
    await expect(createOrgApiKey(org.admin.ctx, { name: "", kind: "root", mode: "live" })).rejects.toMatchObject({ code: "validation_error" });
    await expect(revokeOrgApiKey(org.admin.ctx, { prefix: theirs.prefix })).rejects.toMatchObject({ code: "not_found" });
    expect((await db.select().from(apiKeys).where(eq(apiKeys.prefix, theirs.prefix)))[0]!.revokedAt).toBeNull();
    expect(await listApiKeys(org.admin.ctx)).toHaveLength(4);
    expect(await auditCount(org.orgId)).toBe(before);
  });
});
