import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { sha256 } from "../crypto";
import { createTestOrg } from "../testing/test-org";
import { createApiKey } from "./create-api-key";
import { revokeApiKey } from "./revoke-api-key";

describe("API keys", () => {
  it("are stored as a hash with a visible prefix, never raw", async () => {
    const { orgId } = await createTestOrg();
    const { key, prefix } = await createApiKey(orgId, { kind: "server", name: "CI" });
    expect(key).toMatch(/^sk_live_[A-Za-z0-9]{32}$/);
    expect(key.startsWith(prefix)).toBe(true);
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.prefix, prefix));
    expect(row!.keyHash).toBe(sha256(key));
    expect(JSON.stringify(row)).not.toContain(key);
  });

  it("test keys belong to the sandbox organization, not the live one", async () => {
    const { orgId } = await createTestOrg();
    const { prefix } = await createApiKey(orgId, { kind: "client", test: true });
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.prefix, prefix));
    expect(prefix).toMatch(/^pk_test_/);
    expect(row!.organizationId).not.toBe(orgId);
    expect(row!.isTest).toBe(true);
  });

  it("a revoked key is marked revoked", async () => {
    const { orgId } = await createTestOrg();
    const { prefix } = await createApiKey(orgId, { kind: "server" });
    await expect(revokeApiKey(prefix)).resolves.toEqual({ revoked: true });
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.prefix, prefix));
    expect(row!.revokedAt).toBeInstanceOf(Date);
  });

  it("revoking an unknown prefix, or another organization's key, is not found", async () => {
    const a = await createTestOrg();
    const b = await createTestOrg();
    const { prefix } = await createApiKey(b.orgId, { kind: "server" });
    await expect(revokeApiKey("sk_live_nothere1")).rejects.toMatchObject({ code: "not_found" });
    await expect(revokeApiKey(prefix, a.orgId)).rejects.toMatchObject({ code: "not_found" });
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.prefix, prefix));
    expect(row!.revokedAt).toBeNull();
  });
});
