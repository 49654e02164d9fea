import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { verifyCredentials } from "@/lib/auth/verify-credentials";

function dexra(...args: string[]) {
  try {
    return { code: 0, json: JSON.parse(execFileSync("node_modules/.bin/tsx", ["scripts/dexra.ts", ...args, "--json"], { encoding: "utf8" })) };
  } catch (error) {
    const e = error as { status: number; stdout: string };
    return { code: e.status, json: JSON.parse(e.stdout) };
  }
}

describe("admin command line", () => {
  it("creates an organization whose owner can sign in, agents, and keys that can be revoked", () => {
    const email = `cli-${randomUUID().slice(0, 8)}@example.test`;
    const org = dexra("create-org", "--name", "CLI Co", "--owner-email", email, "--owner-password", "cli-password");
    expect(org.code).toBe(0);
    expect(Object.keys(org.json).sort()).toEqual(["client_key", "identity_secret", "organization_id", "server_key", "test_client_key", "test_server_key"]);

    const agent = dexra("create-agent", "--org", org.json.organization_id, "--email", `a-${email}`, "--password", "agent-password", "--role", "admin");
    expect(agent.json.agent_id).toMatch(/^[0-9a-f-]{36}$/);

    const key = dexra("create-key", "--org", org.json.organization_id, "--kind", "server", "--test");
    expect(key.json.key).toMatch(/^sk_test_/);
    expect(key.json.key.startsWith(key.json.prefix)).toBe(true);
    expect(dexra("revoke-key", "--prefix", key.json.prefix).json).toEqual({ revoked: true });
    return Promise.all([
      expect(verifyCredentials({ email, password: "cli-password" })).resolves.toMatchObject({ ok: true }),
      expect(db.select().from(apiKeys).where(eq(apiKeys.prefix, key.json.prefix)).then(([row]) => row!.revokedAt)).resolves.toBeInstanceOf(Date),
    ]);
  }, 60_000);

  it("answers bad input with one JSON error object and a non-zero exit", () => {
    const bad = dexra("create-org", "--name", "X", "--owner-email", "not-an-email", "--owner-password", "longenough");
    expect(bad.code).toBe(1);
    expect(bad.json.error.code).toBe("validation_error");
    expect(bad.json.error.message).toContain("--owner-email");
    expect(dexra("create-key", "--org", randomUUID(), "--kind", "server").json.error.code).toBe("not_found");
    expect(dexra("revoke-key", "--prefix", "sk_live_missing0").json.error.code).toBe("not_found");
  }, 60_000);
});
