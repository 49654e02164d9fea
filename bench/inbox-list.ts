/**
 * Inbox benchmark: `npm run bench:inbox` on a throwaway PostgreSQL it starts (or a local one in DATABASE_URL).
 * Seeds one organization with 100,000 conversations and 1,000,000 messages, then times the inbox's reads
 * (list, search, open thread, view counts) through the same lib/ functions the route handlers call, and
 * prints p50/p95 with the EXPLAIN ANALYZE plan of each, then times the HTTP list API and the first render of
 * /inbox, signed in as the bench agent, on a `next start` it builds and starts (or BENCH_BASE_URL; BENCH_HTTP=0 skips).
 */
import { performance } from "node:perf_hooks";
import { sql, type SQL } from "drizzle-orm";
import { closeDb, db, rows } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import { teams, tags } from "@/db/schema";
import { createAgent } from "@/lib/agents/create-agent";
import type { Ctx } from "@/lib/context";
import { getInboxThread, threadMessagesQuery } from "@/lib/inbox/get-thread";
import { listInboxConversations, listPageQuery } from "@/lib/inbox/list-conversations";
import { countInboxViews } from "@/lib/inbox/view-counts";
import { assertLocalTestDatabase } from "@/lib/testing/local-database";
import { createTestOrg, TEST_PASSWORD } from "@/lib/testing/test-org";
import { timeHttp } from "./inbox-http";
import { seedInbox } from "./inbox-seed";
import { buildApp, serverEnv, startNext } from "./servers";
import { benchDatabaseUrl, freePort } from "./throwaway-postgres";

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const MESSAGES_PER = Number(process.env.BENCH_MESSAGES_PER ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);

const random = (n: number) => 1 + Math.floor(Math.random() * n);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function time(label: string, fn: () => Promise<unknown>, target: number) {
  for (let i = 0; i < 10; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const p95 = pct(samples, 95);
  console.log(`${label.padEnd(44)} p50 ${pct(samples, 50).toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms   target p95 < ${target} ms ${p95 < target ? "✓" : "✗"}`);
  return { label, p50: pct(samples, 50), p95 };
}

async function explain(label: string, query: SQL) {
  const plan = await rows<{ "QUERY PLAN": string }>(sql`explain (analyze, buffers, costs off) ${query}`);
  console.log(`\n--- EXPLAIN ANALYZE: ${label}\n${plan.map((r) => r["QUERY PLAN"]).join("\n")}`);
}

/** A previous run's organization, when it has the full data set (BENCH_FRESH=1 seeds a new one). */
async function reuseSeeded() {
  const [found] = await rows<{ org_id: string; id: string; name: string; email: string }>(sql`
    select o.id as org_id, a.id, a.name, a.email from organizations o join agents a on a.organization_id = o.id and a.role = 'owner'
    where o.name like 'Inbox bench %' and o.last_conversation_number >= ${CONVERSATIONS} order by o.created_at desc limit 1`);
  if (!found) return null;
  const ctx: Ctx = { orgId: found.org_id, actor: { type: "agent", id: found.id, name: found.name, email: found.email, role: "owner" } };
  return { ctx, owner: { id: found.id, email: found.email }, orgId: found.org_id };
}

async function seedFresh() {
  const { ctx, owner, orgId } = await createTestOrg("Inbox bench");
  const agentB = await createAgent(orgId, { email: `bench-b-${orgId.slice(0, 8)}@example.test`, password: TEST_PASSWORD, name: "Bench B", role: "agent" });
  const teamRows = await db.insert(teams).values([{ organizationId: orgId, name: "Support" }, { organizationId: orgId, name: "Billing" }]).returning();
  await db.insert(tags).values(["vip", "refund", "bug", "shipping"].map((name) => ({ organizationId: orgId, name })));
  await seedInbox(orgId, [owner.id, agentB.id], teamRows.map((t) => t.id), CONVERSATIONS, MESSAGES_PER);
  return { ctx, owner: { id: owner.id, email: owner.email }, orgId };
}

/** BENCH_BASE_URL (a `next start` on this database), or our own production server started on it. */
async function httpBaseUrl() {
  if (process.env.BENCH_BASE_URL) return process.env.BENCH_BASE_URL;
  buildApp();
  return startNext(freePort(), serverEnv(process.env.DATABASE_URL!));
}

async function main() {
  benchDatabaseUrl();
  assertLocalTestDatabase();
  await applyMigrations();
  const started = performance.now();
  const { ctx, owner, orgId } = (process.env.BENCH_FRESH ? null : await reuseSeeded()) ?? (await seedFresh());
  const [counts] = await rows<{ c: number; m: number }>(sql`select (select count(*) from conversations where organization_id = ${orgId})::int as c,
    (select count(*) from messages where organization_id = ${orgId})::int as m`);
  console.log(`Organization with ${counts!.c} conversations and ${counts!.m} messages ready in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

  const me = owner.id;
  // The cursor of page 21, or of the last page there is in a smaller seed (BENCH_CONVERSATIONS).
  const deepCursor = async () => {
    let cursor: string | undefined;
    for (let i = 0; i < 21; i++) {
      const page = await listInboxConversations(ctx, me, { view: "open", cursor });
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    return cursor;
  };
  const cursor = await deepCursor();
  const common = { view: "all", q: "tracking label" } as const;
  const commonPage2 = (await listInboxConversations(ctx, me, common)).nextCursor ?? undefined;
  // "ref<n>" as typed so far is a prefix of ~111 references spread over the whole inbox (ref<n>x…, ref<n>0x…,
  // ref<n>00x…): too few for the view's first rows to fill a page, so this one reads the GIN indexes.
  const refPrefix = () => `ref${100 + random(899)}`;
  const results = [
    await time("list: All open, newest, first page (50)", () => listInboxConversations(ctx, me, { view: "open" }), 50),
    await time("list: All open, page 21 (keyset cursor)", () => listInboxConversations(ctx, me, { view: "open", cursor }), 50),
    await time("list: Closed (two statuses), newest", () => listInboxConversations(ctx, me, { view: "closed" }), 50),
    await time("list: Mine, oldest", () => listInboxConversations(ctx, me, { view: "mine", sort: "oldest" }), 50),
    await time("list: All open, by priority", () => listInboxConversations(ctx, me, { view: "open", sort: "priority" }), 50),
    await time("search: unique word in one message body", () => listInboxConversations(ctx, me, { view: "all", q: `ref${random(CONVERSATIONS)}x3` }), 100),
    await time("search: common words (\"tracking label\")", () => listInboxConversations(ctx, me, common), 100),
    await time("search: common words, page 2 (keyset cursor)", () => listInboxConversations(ctx, me, { ...common, cursor: commonPage2 }), 100),
    await time("search: common words in Closed", () => listInboxConversations(ctx, me, { view: "closed", q: "tracking label" }), 100),
    await time("search: prefix, ~111 hits spread (\"ref123\")", () => listInboxConversations(ctx, me, { view: "all", q: refPrefix() }), 100),
    await time("search: subject word (\"refund\"), by priority", () => listInboxConversations(ctx, me, { view: "open", q: "refund", sort: "priority" }), 100),
    await time("search: requester's name (\"N<n>\", one of 20,000)", () => listInboxConversations(ctx, me, { view: "all", q: `N${random(20000)}` }), 100),
    await time("search: a word in every requester's email (\"customer\")", () => listInboxConversations(ctx, me, { view: "all", q: "customer" }), 100),
    await time("search: typo, nothing exact (\"trackng lable\", fuzzy fallback)", () => listInboxConversations(ctx, me, { view: "all", q: "trackng lable" }), 150),
    await time("open thread (conversation + messages)", () => getInboxThread(ctx, random(CONVERSATIONS)), 50),
    await time("view counts (sidebar)", () => countInboxViews(ctx, me), 100),
  ];

  await explain("list: All open, newest, first page", listPageQuery(ctx, me, { view: "open" }));
  await explain("list: Closed (two statuses)", listPageQuery(ctx, me, { view: "closed" }));
  await explain("list: All open, by priority", listPageQuery(ctx, me, { view: "open", sort: "priority" }));
  await explain("search: unique word in one message body", listPageQuery(ctx, me, { view: "all", q: `ref${random(CONVERSATIONS)}x3` }));
  await explain("list: All open, page 21 (keyset cursor)", listPageQuery(ctx, me, { view: "open", cursor }));
  await explain("list: Mine, oldest", listPageQuery(ctx, me, { view: "mine", sort: "oldest" }));
  await explain("search: common words", listPageQuery(ctx, me, common));
  await explain("search: common words, page 2", listPageQuery(ctx, me, { ...common, cursor: commonPage2 }));
  await explain("search: common words in Closed", listPageQuery(ctx, me, { view: "closed", q: "tracking label" }));
  await explain("search: prefix, ~111 hits spread", listPageQuery(ctx, me, { view: "all", q: refPrefix() }));
  await explain("search: subject word, by priority", listPageQuery(ctx, me, { view: "open", q: "refund", sort: "priority" }));
  await explain("search: requester's name", listPageQuery(ctx, me, { view: "all", q: `N${random(20000)}` }));
  await explain("search: a word in every requester's email", listPageQuery(ctx, me, { view: "all", q: "customer" }));
  const [one] = await rows<{ id: string }>(sql`select id from conversations where organization_id = ${orgId} and number = ${random(CONVERSATIONS)}`);
  await explain("open thread: messages", threadMessagesQuery(ctx, one!.id).getSQL());

  if (process.env.BENCH_HTTP !== "0") results.push(...(await timeHttp(await httpBaseUrl(), owner.email, TEST_PASSWORD, RUNS)));
  console.log(`\nSummary (ms): ${JSON.stringify(Object.fromEntries(results.map((r) => [r.label, { p50: +r.p50.toFixed(1), p95: +r.p95.toFixed(1) }])))}`);
  await closeDb();
}

// An explicit exit: the server started for the HTTP timings would keep the process alive, and exiting stops it
// (and the throwaway database).
main().then(
  () => process.exit(0),
  async (error) => {
    console.error(error);
    await closeDb();
    process.exit(1);
  },
);
