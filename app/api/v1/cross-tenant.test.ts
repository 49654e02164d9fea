import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { callRoute } from "@/lib/api/testing/call-route";
import { isImplemented } from "@/lib/api/api-route";
import { fillPattern, findRouteFiles, METHODS, type RouteFile } from "@/lib/api/testing/route-modules";
import { createConversation } from "@/lib/conversations/create-conversation";
import { createCannedReply } from "@/lib/canned-replies/manage-canned-replies";
import { createTag } from "@/lib/tags/manage-tags";
import { createTeam } from "@/lib/teams/manage-teams";
import { createTestOrg } from "@/lib/testing/test-org";

// Routes anyone may call (no key): everything else must answer 401 without one.
const PUBLIC = new Set(["/api/v1/openapi.json/"]);

const routes = findRouteFiles();
const handlers: { route: RouteFile; method: string; handler: unknown }[] = [];

beforeAll(async () => {
  for (const route of routes) {
    const module = (await import(/* @vite-ignore */ route.file)) as Record<string, unknown>;
    for (const method of METHODS) if (isImplemented(module[method])) handlers.push({ route, method, handler: module[method] });
  }
});

async function twoOrgs() {
  const a = await createTestOrg("A");
  const b = await createTestOrg("B");
  const { conversation: ownA } = await createConversation(a.ctx, { subject: "A's own", user_email: "a@example.com" });
  const { conversation: convB } = await createConversation(b.ctx, { subject: "B's", user_email: "b@example.com", description: "private to B" });
  const [hook] = await db
    .insert(webhookEndpoints)
    .values({ organizationId: b.orgId, url: "https://example.com/hook", secret: "whsec_test" })
    .returning();
  const [event] = await rows<{ id: string }>(sql`select id from events where organization_id = ${b.orgId} limit 1`);
  const [delivery] = await db.insert(webhookDeliveries).values({ organizationId: b.orgId, endpointId: hook!.id, eventId: event!.id }).returning();
  const team = await createTeam(b.ctx, { name: "B team" });
  const tag = await createTag(b.ctx, { name: "b-tag", color: "#112233" });
  const canned = await createCannedReply(b.ctx, { title: "B", shortcut: "b", body: "Hi", shared: true });
  const idsOfB: Record<string, string> = {
    conversations: convB.id,
    users: convB.requester.id,
    webhooks: hook!.id,
    deliveries: delivery!.id,
    tags: "vip",
    teams: team.id,
    agents: b.owner.id,
    "canned-replies": canned.id,
    "tags/[id]": tag.id,
  };
  return { a, b, ownA, convB, idsOfB };
}

/** `tags/[tag]` under a conversation is a tag name; `/tags/[id]` a tag row of B. */
const pickOfB = (ids: Record<string, string>, param: string, previous: string) =>
  (previous === "tags" && param === "id" ? ids["tags/[id]"] : ids[previous]) ?? ids.conversations!;

/** A body that would succeed on one's own resource, so that only ownership can make it fail. */
function bodyFor(method: string, pattern: string, a: Awaited<ReturnType<typeof twoOrgs>>) {
  if (method === "GET" || method === "DELETE") return undefined;
  const owner = a.a.owner.email;
  const table: Record<string, unknown> = {
    "POST /api/v1/conversations/[id]/messages/create/": { body: "hello", user_email: owner },
    "PUT /api/v1/conversations/[id]/claim/": { agent_email: owner },
    "POST /api/v1/conversations/[id]/claim/": { agent_email: owner },
    "POST /api/v1/conversations/[id]/snooze/": { until: new Date(Date.now() + 3_600_000).toISOString() },
    "POST /api/v1/conversations/[id]/tags/": { tag: "vip" },
    "POST /api/v1/conversations/[id]/rating/": { score: 5 },
    "POST /api/v1/conversations/[id]/merge/": { into: a.ownA.id },
    "PATCH /api/v1/conversations/[id]/": { priority: "high" },
    "PATCH /api/v1/users/[id]/": { first_name: "Mallory" },
    "PATCH /api/v1/webhooks/[id]/": { enabled: false },
    "PATCH /v1/users/[id]/": { custom_attributes: { plan: "pro" } },
    "PATCH /api/v1/teams/[id]/": { name: "Renamed" },
    "PUT /api/v1/teams/[id]/members/": { agent_ids: [] },
    "PATCH /api/v1/tags/[id]/": { name: "renamed" },
    "PATCH /api/v1/canned-replies/[id]/": { title: "Renamed" },
    "POST /api/v1/canned-replies/[id]/render/": { conversation_id: a.ownA.id },
    "POST /api/v1/conversations/[id]/notes/": { body: "note" },
    "POST /api/v1/conversations/[id]/anonymize/": { force: true },
    "POST /api/v1/users/[id]/anonymize/": { force: true },
  };
  return table[`${method} ${pattern}`] ?? {};
}

async function snapshotOf(orgId: string) {
  const [state] = await rows<Record<string, string>>(sql`select
    (select count(*) from events where organization_id = ${orgId}) as events,
    (select count(*) from activities where organization_id = ${orgId}) as activities,
    (select count(*) from messages where organization_id = ${orgId}) as messages,
    (select count(*) from conversations where organization_id = ${orgId}) as conversations,
    (select count(*) from webhook_deliveries where organization_id = ${orgId}) as deliveries,
    (select count(*) from audit_logs where organization_id = ${orgId}) as audits,
    (select string_agg(name || ':' || (select count(*) from team_members m where m.team_id = t.id), ',' order by id) from teams t where organization_id = ${orgId}) as teams,
    (select string_agg(name || color, ',' order by id) from tags where organization_id = ${orgId}) as tags,
    (select string_agg(title || updated_at::text, ',' order by id) from canned_replies where organization_id = ${orgId}) as canned,
    (select string_agg(updated_at::text || status || priority || coalesce(assignee_id::text, '-'), ',' order by id) from conversations where organization_id = ${orgId}) as conversation_rows,
    (select string_agg(updated_at::text, ',' order by id) from end_users where organization_id = ${orgId}) as users,
    (select string_agg(updated_at::text || enabled, ',' order by id) from webhook_endpoints where organization_id = ${orgId}) as hooks`);
  return state;
}

describe("every /api/v1 and /v1 route, found by walking app/api/v1 and app/v1", () => {
  it("finds the routes (sanity check of the walk itself)", () => {
    expect(routes.map((r) => r.pattern)).toEqual(expect.arrayContaining(["/api/v1/conversations/", "/api/v1/conversations/[id]/resolve/", "/v1/conversations/[id]/", "/v1/users/[id]/"]));
    expect(handlers.length).toBeGreaterThan(15);
  });

  it("org A's server key on org B's ids → 404, B's data unchanged and nothing enqueued", async () => {
    const setup = await twoOrgs();
    const before = await snapshotOf(setup.b.orgId);
    const withIds = handlers.filter((h) => h.route.segments.some((s) => s.startsWith("[")));
    expect(withIds.length).toBeGreaterThan(10);
    for (const { route, method, handler } of withIds) {
      const { path, params } = fillPattern(route, (param, previous) => pickOfB(setup.idsOfB, param, previous));
      const res = await callRoute(handler, method, path, { key: setup.a.serverKey, params, body: bodyFor(method, route.pattern, setup) });
      expect(`${method} ${route.pattern} → ${res.status} ${res.body?.error?.code}`).toBe(`${method} ${route.pattern} → 404 not_found`);
    }
    expect(await snapshotOf(setup.b.orgId)).toEqual(before);
  });

  it("org A's test (sandbox) key cannot reach A's live conversations", async () => {
    const setup = await twoOrgs();
    const one = handlers.find((h) => h.route.pattern === "/api/v1/conversations/[id]/" && h.method === "GET")!;
    const res = await callRoute(one.handler, "GET", "x", { key: setup.a.testServerKey, params: { id: setup.ownA.id } });
    expect(res.status).toBe(404);
  });

  it("answers 401 without a valid key, even with an x-middleware-subrequest header", async () => {
    const setup = await twoOrgs();
    const before = await snapshotOf(setup.b.orgId);
    for (const { route, method, handler } of handlers.filter((h) => !PUBLIC.has(h.route.pattern))) {
      const { path, params } = fillPattern(route, (param, previous) => pickOfB(setup.idsOfB, param, previous));
      for (const key of [undefined, "sk_live_" + "0".repeat(32)]) {
        const res = await callRoute(handler, method, path, {
          key,
          params,
          body: bodyFor(method, route.pattern, setup),
          headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
        });
        expect(`${method} ${route.pattern} → ${res.status}`).toBe(`${method} ${route.pattern} → 401`);
        expect(res.body.error.code).toBe("unauthorized");
      }
    }
    expect(await snapshotOf(setup.b.orgId)).toEqual(before);
  });
});
