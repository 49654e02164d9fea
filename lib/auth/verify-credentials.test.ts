import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { loginThrottles } from "@/db/schema";
import { createTestOrg, TEST_PASSWORD } from "../testing/test-org";
import { knownDeviceCookie } from "./known-device";
import type { LoginClient } from "./login-client";
import { MAX_FAILURES, pruneLoginThrottles } from "./throttle";
import { verifyCredentials } from "./verify-credentials";

// Each test signs in from its own made-up address, so tests never share an address's counter.
const newIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
const from = (ip = newIp(), deviceCookie: string | null = null): LoginClient => ({ ip, deviceCookie });

describe("verifyCredentials", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const { owner } = await createTestOrg();
    const result = await verifyCredentials({ email: owner.email.toUpperCase(), password: TEST_PASSWORD }, from());
    expect(result).toMatchObject({ ok: true, agent: { id: owner.id, organizationId: owner.organizationId } });
  });

  it("refuses a wrong password and an unknown email alike", async () => {
    const { owner } = await createTestOrg();
    await expect(verifyCredentials({ email: owner.email, password: "wrong" }, from())).resolves.toEqual({ ok: false, reason: "invalid" });
    await expect(verifyCredentials({ email: "nobody@example.test", password: "wrong" }, from())).resolves.toEqual({ ok: false, reason: "invalid" });
  });

  it(`locks an email for unknown browsers after ${MAX_FAILURES.email} failures, even for the right password`, async () => {
    const { owner } = await createTestOrg();
    for (let i = 0; i < MAX_FAILURES.email; i++) await verifyCredentials({ email: owner.email, password: `wrong-${i}` }, from());
    const result = await verifyCredentials({ email: owner.email, password: TEST_PASSWORD }, from());
    expect(result).toMatchObject({ ok: false, reason: "throttled" });
    if (!result.ok && result.reason === "throttled") expect(result.retryInMinutes).toBeGreaterThan(0);
  });

  it("spraying many emails from one address is stopped, whatever the emails", async () => {
    const attacker = from();
    for (let i = 0; i < MAX_FAILURES.ip; i++) {
      await expect(verifyCredentials({ email: `spray-${randomUUID()}@example.test`, password: "Summer2026!" }, attacker)).resolves.toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    const { owner } = await createTestOrg();
    await expect(verifyCredentials({ email: owner.email, password: TEST_PASSWORD }, attacker)).resolves.toMatchObject({ reason: "throttled" });
    // The agent signing in from elsewhere is not affected.
    await expect(verifyCredentials({ email: owner.email, password: TEST_PASSWORD }, from())).resolves.toMatchObject({ ok: true });
  });

  it("does not count loopback (this machine, or a proxy that passed no client address) as one client", async () => {
    for (const loopback of ["127.0.0.1", "::1"]) {
      for (let i = 0; i < MAX_FAILURES.ip; i++) await verifyCredentials({ email: `l-${randomUUID()}@example.test`, password: "x" }, from(loopback));
      const { owner } = await createTestOrg();
      await expect(verifyCredentials({ email: owner.email, password: TEST_PASSWORD }, from(loopback))).resolves.toMatchObject({ ok: true });
    }
  });

  it("signing into one's own account does not reset the address's counter", async () => {
    const { owner } = await createTestOrg();
    const attacker = from();
    for (let i = 0; i < MAX_FAILURES.ip - 1; i++) await verifyCredentials({ email: `s-${randomUUID()}@example.test`, password: "x" }, attacker);
    await expect(verifyCredentials({ email: owner.email, password: TEST_PASSWORD }, attacker)).resolves.toMatchObject({ ok: true });
    await verifyCredentials({ email: `s-${randomUUID()}@example.test`, password: "x" }, attacker);
    await expect(verifyCredentials({ email: owner.email, password: TEST_PASSWORD }, attacker)).resolves.toMatchObject({ reason: "throttled" });
  });

  it("nobody can lock the agent out of a browser it signed in from before", async () => {
    const { owner } = await createTestOrg();
    const agentsBrowser = from(newIp(), knownDeviceCookie(owner.email));
    for (let i = 0; i < MAX_FAILURES.email * 3; i++) await verifyCredentials({ email: owner.email, password: `guess-${i}` }, from());
    await expect(verifyCredentials({ email: owner.email, password: TEST_PASSWORD }, from())).resolves.toMatchObject({ reason: "throttled" });
    await expect(verifyCredentials({ email: owner.email, password: TEST_PASSWORD }, agentsBrowser)).resolves.toMatchObject({ ok: true });
  });

  it("a known browser still has its own limit, and a cookie for another email or a forged one is not known", async () => {
    const { owner } = await createTestOrg();
    const cookie = knownDeviceCookie(owner.email);
    for (let i = 0; i < MAX_FAILURES.device; i++) await verifyCredentials({ email: owner.email, password: `wrong-${i}` }, from(newIp(), cookie));
    await expect(verifyCredentials({ email: owner.email, password: TEST_PASSWORD }, from(newIp(), cookie))).resolves.toMatchObject({ reason: "throttled" });

    const other = await createTestOrg();
    for (let i = 0; i < MAX_FAILURES.email; i++) await verifyCredentials({ email: other.owner.email, password: `wrong-${i}` }, from());
    const forged = `${randomUUID()}.${"A".repeat(43)}`;
    for (const stranger of [knownDeviceCookie("someone-else@example.test"), forged, "garbage"]) {
      await expect(verifyCredentials({ email: other.owner.email, password: TEST_PASSWORD }, from(newIp(), stranger))).resolves.toMatchObject({ reason: "throttled" });
    }
  });

  it("prunes counters whose window and lock are over, keeps the rest", async () => {
    const email = `prune-${randomUUID()}@example.test`;
    await verifyCredentials({ email, password: "wrong" }, from());
    await db.execute(sql`update login_throttles set window_started_at = now() - interval '1 hour' where scope = 'email' and key = ${email}`);
    const fresh = `fresh-${randomUUID()}@example.test`;
    await verifyCredentials({ email: fresh, password: "wrong" }, from());
    await pruneLoginThrottles();
    expect(await db.select().from(loginThrottles).where(eq(loginThrottles.key, email))).toEqual([]);
    expect(await db.select().from(loginThrottles).where(eq(loginThrottles.key, fresh))).toHaveLength(1);
  });
});
