import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { conversations, organizations } from "@/db/schema";
import { pinRateLimitWindow } from "@/lib/api/rate-limit";
import { callRoute } from "@/lib/api/testing/call-route";
import { revokeApiKey } from "@/lib/keys/revoke-api-key";
import { createTestOrg } from "@/lib/testing/test-org";
import * as one from "./conversations/[id]/route";
import * as createMessage from "./conversations/[id]/messages/create/route";
import * as create from "./conversations/create/route";
import * as list from "./conversations/route";

describe("Idempotency-Key", () => {
  it("ten concurrent identical POSTs create one conversation and all get the same answer", async () => {
    const { serverKey, orgId } = await createTestOrg();
    const body = { subject: "Exactly once", user_email: "once@example.com" };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => callRoute(create.POST, "POST", "/api/v1/conversations/create/", { key: serverKey, body, headers: { "idempotency-key": "order-1" } })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await db.$count(conversations, eq(conversations.organizationId, orgId))).toBe(1);
    expect(answers.filter((a) => a.headers.get("idempotent-replayed") === "true")).toHaveLength(9);
  });

  it("the same key with a different body is 422 idempotency_key_reused", async () => {
    const { serverKey } = await createTestOrg();
    const headers = { "idempotency-key": "k-2" };
    await callRoute(create.POST, "POST", "/api/v1/conversations/create/", { key: serverKey, body: { subject: "A" }, headers });
    const reused = await callRoute(create.POST, "POST", "/api/v1/conversations/create/", { key: serverKey, body: { subject: "B" }, headers });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe("idempotency_key_reused");
  });
});

describe("rate limit", () => {
  // The four requests count in one window even when the wall clock crosses a minute boundary between them.
  beforeAll(() => pinRateLimitWindow(new Date()));
  afterAll(() => pinRateLimitWindow(null));

  it("answers with RateLimit headers, then 429 with Retry-After past the organization's limit", async () => {
    const { serverKey, orgId } = await createTestOrg();
    await db.update(organizations).set({ rateLimitPerMinute: 3 }).where(eq(organizations.id, orgId));
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await callRoute(list.GET, "GET", "/api/v1/conversations/", { key: serverKey }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((a) => a.headers.get("ratelimit-remaining"))).toEqual(["2", "1", "0", "0"]);
    expect(answers[0]!.headers.get("ratelimit-limit")).toBe("3");
    expect(Number(answers[3]!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(answers[3]!.body.error.code).toBe("rate_limited");
  });
});

describe("keys and bodies", () => {
  it("unknown, malformed and revoked keys get identical 401 answers", async () => {
    const { serverKey } = await createTestOrg();
    const { serverKey: revoked } = await createTestOrg();
    await revokeApiKey(revoked.slice(0, 16));
    const answers = await Promise.all(
      [revoked, "sk_live_" + "A".repeat(32), "garbage", undefined].map((key) => callRoute(list.GET, "GET", "/api/v1/conversations/", { key })),
    );
    for (const a of answers) {
      expect(a.status).toBe(401);
      expect(a.body).toEqual(answers[0]!.body);
    }
    expect((await callRoute(list.GET, "GET", "/api/v1/conversations/", { key: serverKey })).status).toBe(200);
  });

  it("a 2 MiB body is 413 and stores nothing", async () => {
    const { serverKey, orgId } = await createTestOrg();
    const big = JSON.stringify({ subject: "big", description: "x".repeat(2 * 1024 * 1024) });
    const res = await callRoute(create.POST, "POST", "x", { key: serverKey, body: big });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("payload_too_large");
    expect(await db.$count(conversations, eq(conversations.organizationId, orgId))).toBe(0);
  });

  it("no raw key appears anywhere in the database", async () => {
    const org = await createTestOrg();
    const keys = [org.serverKey, org.clientKey, org.testServerKey, org.testClientKey];
    await callRoute(create.POST, "POST", "x", { key: org.serverKey, body: { subject: "k" }, headers: { "idempotency-key": "raw-key-check" } });
    const tables = await rows<{ table_name: string }>(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
    for (const { table_name } of tables) {
      const dump = await rows<{ t: string }>(sql`select coalesce(string_agg(row_to_json(x)::text, ''), '') as t from ${sql.identifier(table_name)} x`);
      for (const key of keys) expect(dump[0]!.t.includes(key), `${table_name} contains a raw key`).toBe(false);
    }
  });
});

describe("malformed input", () => {
  it("50 malformed requests each get a 4xx JSON error and change nothing", async () => {
    const { serverKey, orgId } = await createTestOrg();
    const seeded = await callRoute(create.POST, "POST", "x", { key: serverKey, body: { subject: "Target", user_email: "t@example.com" } });
    const id = seeded.body.id;
    const C = create.POST, M = createMessage.POST, P = one.PATCH, L = list.GET;
    const table: [unknown, string, unknown, Record<string, string>?, string?][] = [
      [C, "POST", "{"], [C, "POST", "not json"], [C, "POST", "[1,2]"], [C, "POST", '"a string"'], [C, "POST", "42"], [C, "POST", "null"],
      [C, "POST", { subject: 5 }], [C, "POST", { subject: null }], [C, "POST", { subject: "" }], [C, "POST", { subject: "   " }],
      [C, "POST", { subject: "x".repeat(501) }], [C, "POST", { subject: "a", priority: "critical" }], [C, "POST", { subject: "a", priority: 1 }],
      [C, "POST", { subject: "a", channel: "fax" }], [C, "POST", { subject: "a", user_email: "not-an-email" }], [C, "POST", { subject: "a", user_email: 7 }],
      [C, "POST", { subject: "a", metadata: "str" }], [C, "POST", { subject: "a", metadata: [1] }], [C, "POST", { subject: "a", id: "x" }],
      [C, "POST", { subject: "a", status: "closed" }], [C, "POST", { subject: "a", organization_id: "x" }], [C, "POST", { subject: "a", description: "" }],
      [C, "POST", { subject: "a", user_first_name: {} }], [C, "POST", { subject: ["a"] }], [C, "POST", { subject: "a\u0000b" }],
      [M, "POST", {}], [M, "POST", { body: "" }], [M, "POST", { body: 3, user_email: "t@example.com" }], [M, "POST", { body: "hi" }],
      [M, "POST", { body: "hi", user_email: "stranger@example.com" }], [M, "POST", { body: "hi", user_email: "t@example.com", message_type: "email" }],
      [M, "POST", { body: "hi", user_email: "t@example.com", message_type: "note" }], [M, "POST", { body: "hi", user_email: "t@example.com", extra: 1 }],
      [M, "POST", "{bad json"], [M, "POST", { body: "hi", user_email: "t@example.com" }, {}, "not-a-uuid"],
      [P, "PATCH", { status: "archived" }], [P, "PATCH", { priority: "p1" }], [P, "PATCH", { subject: "" }], [P, "PATCH", { number: 3 }],
      [P, "PATCH", { requester_id: id }], [P, "PATCH", { tags: "vip" }], [P, "PATCH", { custom_attributes: [1] }], [P, "PATCH", { assignee_email: "x" }],
      [P, "PATCH", { status: "snoozed" }], [P, "PATCH", { snoozed_until: "soon" }], [P, "PATCH", { custom_attributes: { k: "v\u0000" } }],
      [L, "GET", undefined, {}, "?limit=0"], [L, "GET", undefined, {}, "?limit=-5"], [L, "GET", undefined, {}, "?q=%00"], [L, "GET", undefined, {}, "?status=nope"],
    ];
    expect(table).toHaveLength(50);
    const snapshot = async () => {
      const [state] = await rows<Record<string, string>>(sql`select
        (select count(*) from conversations where organization_id = ${orgId}) as conversations,
        (select count(*) from messages where organization_id = ${orgId}) as messages,
        (select count(*) from events where organization_id = ${orgId}) as events,
        (select count(*) from activities where organization_id = ${orgId}) as activities,
        (select updated_at::text || status || priority || subject from conversations where id = ${id}) as target`);
      return state;
    };
    const before = await snapshot();
    for (const [handler, method, body, headers, extra] of table) {
      const targetId = extra && !extra.startsWith("?") ? extra : id;
      const res = await callRoute(handler, method, `/api/v1/conversations/${extra?.startsWith("?") ? extra : ""}`, {
        key: serverKey, body, headers, params: { id: targetId },
      });
      expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.status, JSON.stringify(body)).toBeLessThan(500);
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(res.body.error.code, JSON.stringify(body)).toMatch(/^(validation_error|not_found)$/);
      expect(typeof res.body.error.message).toBe("string");
    }
    expect(await snapshot()).toEqual(before);
  });
});
