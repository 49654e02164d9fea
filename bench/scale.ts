/**
 * Scale benchmark: `npm run bench:scale` (throwaway PostgreSQL, or DATABASE_URL). Seeds one organization with
 * BENCH_CONVERSATIONS (default 1,000,000) conversations and BENCH_MESSAGES_PER (5) messages each, set-based, then
 * through the HTTP API of `next start` (the existing build; BENCH_SKIP_BUILD=0 rebuilds) times list, open thread,
 * search and create message on one instance, then the same spread over 3 instances; times one message's fan-out
 * to 100 agents' SSE streams (one session each) spread over the 3 instances; prints memory per instance and the count's cost with
 * and without the maintained counters.
 */
import { performance } from "node:perf_hooks";
import { eq, sql } from "drizzle-orm";
import { closeDb, db, rows } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import { agents, tags, teams } from "@/db/schema";
import { createAgent } from "@/lib/agents/create-agent";
import { createApiKey } from "@/lib/keys/create-api-key";
import { assertLocalTestDatabase } from "@/lib/testing/local-database";
import { createTestOrg, TEST_PASSWORD } from "@/lib/testing/test-org";
import { signIn } from "./inbox-http";
import { seedInbox } from "./inbox-seed";
import { groupRssMiB, openStream, pct, timeCalls } from "./scale-probes";
import { children, serverEnv, startNext } from "./servers";
import { benchDatabaseUrl, freePort } from "./throwaway-postgres";

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 1_000_000);
const MESSAGES_PER = Number(process.env.BENCH_MESSAGES_PER ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const STREAMS = Number(process.env.BENCH_STREAMS ?? 100);
const line = (label: string, r: { p50: number; p95: number; rps?: number }) =>
  console.log(`${label.padEnd(46)} p50 ${r.p50.toFixed(1).padStart(7)} ms   p95 ${r.p95.toFixed(1).padStart(7)} ms${r.rps ? `   ${r.rps.toFixed(0).padStart(5)} req/s` : ""}`);

async function seed() {
  const { orgId, owner, serverKey } = await createTestOrg("Scale bench");
  const teamRows = await db.insert(teams).values([{ organizationId: orgId, name: "Support" }]).returning();
  await db.insert(tags).values(["vip", "refund"].map((name) => ({ organizationId: orgId, name })));
  const started = performance.now();
  await seedInbox(orgId, [owner.id], teamRows.map((t) => t.id), CONVERSATIONS, MESSAGES_PER);
  await db.execute(sql`update organizations set rate_limit_per_minute = 1000000000 where id = ${orgId}`);
  console.log(`Seeded ${CONVERSATIONS.toLocaleString()} conversations / ${(CONVERSATIONS * MESSAGES_PER).toLocaleString()} messages in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return { orgId, owner, serverKey };
}

/** BENCH_REUSE=1: the largest organization a previous run seeded in DATABASE_URL, with a fresh server key. */
async function reuse() {
  const [org] = await rows<{ id: string }>(sql`select organization_id as id from conversations group by 1 order by count(*) desc limit 1`);
  if (!org) throw new Error("BENCH_REUSE=1 but DATABASE_URL holds no conversations: run once without it");
  const [owner] = await db.select().from(agents).where(eq(agents.organizationId, org.id)).orderBy(agents.createdAt).limit(1);
  const { key } = await createApiKey(org.id, { kind: "server", name: "scale bench" });
  console.log(`Reusing the organization seeded before (${org.id})`);
  return { orgId: org.id, owner: owner!, serverKey: key };
}

async function main() {
  benchDatabaseUrl();
  assertLocalTestDatabase();
  await applyMigrations();
  const { orgId, owner, serverKey } = process.env.BENCH_REUSE ? await reuse() : await seed();
  if (process.env.BENCH_SEED_ONLY) process.exit(0);
  const ids = (await rows<{ id: string }>(sql`select id from conversations where organization_id = ${orgId} order by number desc limit 500`)).map((r) => r.id);

  // The count the list needs, from the counters (now) and by counting rows (before).
  for (const [label, query] of [
    ["count from counters (SQL)", sql`select coalesce(sum(n), 0) from conversation_counts where organization_id = ${orgId}`],
    ["count(*) over the organization (SQL, before)", sql`select count(*) from conversations where organization_id = ${orgId}`],
  ] as const) {
    const samples: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await rows(query);
      samples.push(performance.now() - t);
    }
    samples.sort((a, b) => a - b);
    line(label, { p50: pct(samples, 50), p95: pct(samples, 95) });
  }
  // The fan-out's listeners: one agent (and one session) per stream, as 100 agents with the inbox open would be.
  const run = Date.now().toString(36);
  const listeners = await Promise.all(Array.from({ length: STREAMS }, (_, i) =>
    createAgent(orgId, { email: `fan${i}-${run}@example.test`, password: TEST_PASSWORD, role: "agent", name: `Fan-out agent ${i}` })));
  await closeDb();

  const env = { ...serverEnv(process.env.DATABASE_URL!), DEXRA_WORKER: "off", DEXRA_LOG_LEVEL: "warn", DATABASE_STATEMENT_TIMEOUT_MS: "30000" };
  const servers = await Promise.all([0, 1, 2].map(async () => startNext(freePort(), env)));
  const headers = { authorization: `Bearer ${serverKey}`, "content-type": "application/json" };
  const reads = (bases: string[]) => ({
    list: (i: number) => fetch(`${bases[i % bases.length]}/api/v1/conversations/?limit=20`, { headers }),
    thread: (i: number) => fetch(`${bases[i % bases.length]}/api/v1/conversations/${ids[i % ids.length]}/messages/`, { headers }),
    search: (i: number) => fetch(`${bases[i % bases.length]}/api/v1/conversations/?q=${["tracking label", "refund", `ref${CONVERSATIONS - (i % 400)}x2`][i % 3]}`, { headers }),
    create: (i: number) => fetch(`${bases[i % bases.length]}/api/v1/conversations/${ids[i % ids.length]}/messages/create/`, {
      method: "POST", headers, body: JSON.stringify({ body: `Bench reply ${i}`, user_email: owner.email }),
    }),
  });
  console.log(`\nThrough the API, one instance, one request at a time (${RUNS} each)`);
  for (const [name, call] of Object.entries(reads([servers[0]!]))) line(name, await timeCalls(RUNS, 1, call));
  console.log(`\nThrough the API, 3 instances, 6 requests in flight round-robin (${RUNS * 3} each)`);
  for (const [name, call] of Object.entries(reads(servers))) line(name, await timeCalls(RUNS * 3, 6, call));

  // SSE fan-out: STREAMS agent streams spread over the 3 instances; each message created through instance 0.
  const cookies: string[] = [];
  for (const [i, agent] of listeners.entries()) cookies.push(await signIn(servers[i % 3]!, agent.email, TEST_PASSWORD));
  const sent = new Map<string, number>();
  const latencies: number[] = [];
  const closers = await Promise.all(Array.from({ length: STREAMS }, (_, i) => {
    const seen = new Set<string>();
    return openStream(`${servers[i % 3]}/api/inbox/live`, cookies[i]!, (payload, at) => {
      const { conversationId } = JSON.parse(payload) as { conversationId?: string };
      if (!conversationId || !sent.has(conversationId) || seen.has(conversationId)) return;
      seen.add(conversationId);
      latencies.push(at - sent.get(conversationId)!);
    });
  }));
  await new Promise((r) => setTimeout(r, 1_000));
  for (let i = 0; i < 20; i++) {
    const id = ids[400 + i]!;
    sent.set(id, performance.now());
    await (await reads([servers[0]!]).create(400 + i)).arrayBuffer();
    await new Promise((r) => setTimeout(r, 250));
  }
  await new Promise((r) => setTimeout(r, 1_000));
  closers.forEach((close) => close());
  latencies.sort((a, b) => a - b);
  console.log(`\nSSE fan-out: 20 messages × ${STREAMS} streams over 3 instances: ${latencies.length} deliveries`);
  line("message created → event on every stream", { p50: pct(latencies, 50), p95: pct(latencies, 95) });
  console.log(`\nMemory per instance (RSS of its process group): ${children.map((c) => `${groupRssMiB(c.pid!).toFixed(0)} MiB`).join(", ")}`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
