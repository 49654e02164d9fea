import { createHmac, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db, rows, sql } from "@/db/client";
import { organizations } from "@/db/schema";
import { consumeRateLimit, pinRateLimitWindow } from "@/lib/api/rate-limit";
import { callRoute } from "@/lib/api/testing/call-route";
import { createTestOrg } from "@/lib/testing/test-org";
import * as create from "./conversations/create/route";
import * as list from "./conversations/route";

const hmac = (secret: string, email: string) => createHmac("sha256", secret).update(email).digest("hex");
const verified = (secret: string, email: string) => ({ "x-dexra-user-email": email, "x-dexra-user-hash": hmac(secret, email) });

// Every request of this file counts in one window: a run that crosses a minute boundary cannot reset a counter.
beforeAll(() => pinRateLimitWindow(new Date()));
afterAll(() => pinRateLimitWindow(null));

async function orgWithLimit(perMinute: number) {
  const org = await createTestOrg();
  await db.update(organizations).set({ rateLimitPerMinute: perMinute }).where(eq(organizations.id, org.orgId));
  return org;
}

describe("client-key rate limits are per visitor, under a ceiling for the key", () => {
  it("an anonymous visitor who exhausts their limit does not lock out a verified end user or another visitor", async () => {
    const { clientKey, identitySecret } = await orgWithLimit(3);
    const anonymous = (address: string) =>
      callRoute(create.POST, "POST", "x", { key: clientKey, body: { subject: "spam" }, headers: { "x-forwarded-for": address } });
    const flood = [];
    for (let i = 0; i < 4; i++) flood.push((await anonymous("198.51.100.7")).status);
    expect(flood).toEqual([201, 201, 201, 429]);

    const user = await callRoute(list.GET, "GET", "/api/v1/conversations/", { key: clientKey, headers: verified(identitySecret, "real@example.com") });
    expect(user.status).toBe(200);
    expect(user.headers.get("ratelimit-remaining")).toBe("2");
    expect((await anonymous("203.0.113.50")).status).toBe(201);
  });

  it("each verified end user has their own limit", async () => {
    const { clientKey, identitySecret } = await orgWithLimit(2);
    const as = (email: string) => callRoute(list.GET, "GET", "/api/v1/conversations/", { key: clientKey, headers: verified(identitySecret, email) });
    const a = [(await as("a@example.com")).status, (await as("a@example.com")).status, (await as("a@example.com")).status];
    expect(a).toEqual([200, 200, 429]);
    expect((await as("b@example.com")).status).toBe(200);
  });

  it("the publishable key still has a ceiling over all its visitors", async () => {
    const { clientKey, identitySecret } = await orgWithLimit(1);
    const statuses = [];
    for (let i = 0; i < 21; i++) statuses.push((await callRoute(list.GET, "GET", "/api/v1/conversations/", { key: clientKey, headers: verified(identitySecret, `u${i}@example.com`) })).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(200));
    expect(statuses[20]).toBe(429);
  });
});

describe("rate limits live in PostgreSQL", () => {
  it("hold across two copies of the app (separate module instances, as two processes would be)", async () => {
    const { serverKey } = await orgWithLimit(4);
    const first = await import("./conversations/route");
    vi.resetModules();
    const second = await import("./conversations/route");
    expect(second.GET).not.toBe(first.GET);
    const statuses = [];
    for (const route of [first, second, first, second, first, second]) statuses.push((await callRoute(route.GET, "GET", "/api/v1/conversations/", { key: serverKey })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });

  it("a fixed one-minute window: the next minute starts a fresh count, the same minute keeps counting", async () => {
    const { serverKey } = await orgWithLimit(2);
    const call = async () => (await callRoute(list.GET, "GET", "/api/v1/conversations/", { key: serverKey })).status;
    try {
      pinRateLimitWindow(new Date("2031-03-01T12:00:05Z"));
      expect([await call(), await call(), await call()]).toEqual([200, 200, 429]);
      pinRateLimitWindow(new Date("2031-03-01T12:00:59.999Z"));
      expect(await call()).toBe(429);
      pinRateLimitWindow(new Date("2031-03-01T12:01:00Z"));
      expect([await call(), await call(), await call()]).toEqual([200, 200, 429]);
    } finally {
      pinRateLimitWindow(new Date());
    }
  });

  it("one statement per request; its cost measured", async () => {
    const bucket = [{ bucket: `bench:${randomUUID()}`, limit: 1_000_000 }];
    for (let i = 0; i < 50; i++) await consumeRateLimit(bucket);
    const times: number[] = [];
    for (let i = 0; i < 500; i++) {
      const start = performance.now();
      await consumeRateLimit(bucket);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const [row] = await rows<{ count: number }>(sql`select count from rate_limit_counters where bucket = ${bucket[0]!.bucket}`);
    expect(row!.count).toBe(550);
    console.log(`rate-limit upsert: p50 ${times[250]!.toFixed(3)} ms, p95 ${times[475]!.toFixed(3)} ms per request`);
    expect(times[250]).toBeLessThan(20);
  });
});
