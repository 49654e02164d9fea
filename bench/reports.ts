/**
 * Reports benchmark: `npm run bench:reports` on a throwaway PostgreSQL it starts (or a local one in DATABASE_URL).
 * Seeds one organization with 100,000 conversations and 1,000,000 messages over 90 days (business hours on),
 * writes their facts with dexra_report_backfill (the same SQL the migration runs), then times every report query
 * over the whole 90-day range through the lib/ functions the API and the Reports page call: p50/p95, target p95 < 200 ms.
 */
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { closeDb, db, rows } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import { teams } from "@/db/schema";
import { createAgent } from "@/lib/agents/create-agent";
import { breakdown, createdHeatmap } from "@/lib/reports/breakdown";
import { toCsv } from "@/lib/reports/csv";
import { resolveReportScope, type ReportScope } from "@/lib/reports/range";
import { listReportConversations } from "@/lib/reports/report-conversations";
import { summarize } from "@/lib/reports/summary";
import { timeseries } from "@/lib/reports/timeseries";
import { assertLocalTestDatabase } from "@/lib/testing/local-database";
import { createTestOrg, TEST_PASSWORD } from "@/lib/testing/test-org";
import { benchDatabaseUrl } from "./throwaway-postgres";

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const MESSAGES_PER = Number(process.env.BENCH_MESSAGES_PER ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const TARGET_MS = 200;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

type Impl = { summarize: typeof summarize; timeseries: typeof timeseries; breakdown: typeof breakdown; createdHeatmap: typeof createdHeatmap; listReportConversations: typeof listReportConversations };
const current: Impl = { summarize, timeseries, breakdown, createdHeatmap, listReportConversations };

/**
 * BENCH_BEFORE=<dir>: a copy of an older lib/reports (e.g. `git show main:lib/reports/x.ts` for each file, into
 * lib/reports-before/) timed beside the current one on the same database, runs interleaved so both see the same
 * machine load: before/after side by side in one run.
 */
async function loadBefore(): Promise<Impl | null> {
  const dir = process.env.BENCH_BEFORE;
  if (!dir) return null;
  const at = (file: string) => import(path.resolve(dir, file));
  const [s, t, b, r] = await Promise.all([at("summary.ts"), at("timeseries.ts"), at("breakdown.ts"), at("report-conversations.ts")]);
  return { summarize: s.summarize, timeseries: t.timeseries, breakdown: b.breakdown, createdHeatmap: b.createdHeatmap, listReportConversations: r.listReportConversations };
}

const ms = (v: number) => `${v.toFixed(1).padStart(7)} ms`;

async function time(label: string, fn: (impl: Impl) => Promise<unknown>, before: Impl | null, target: number | null = TARGET_MS) {
  const impls = before ? [before, current] : [current];
  for (let i = 0; i < 3; i++) for (const impl of impls) await fn(impl);
  const samples: number[][] = impls.map(() => []);
  const loads: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const [n, impl] of impls.entries()) {
      const start = performance.now();
      await fn(impl);
      samples[n]!.push(performance.now() - start);
    }
    loads.push(os.loadavg()[0]!);
  }
  for (const s of samples) s.sort((a, b) => a - b);
  const now = samples.at(-1)!;
  const p95 = pct(now, 95);
  const load = loads.reduce((a, b) => a + b, 0) / loads.length;
  const verdict = target === null ? "(export, no target)" : `target p95 < ${target} ms ${p95 < target ? "✓" : "✗"}`;
  const was = before ? `before p50 ${ms(pct(samples[0]!, 50))} p95 ${ms(pct(samples[0]!, 95))} | ` : "";
  console.log(`${label.padEnd(46)} ${was}p50 ${ms(pct(now, 50))}   p95 ${ms(p95)}   load ${load.toFixed(2)}   ${verdict}`);
  return { label, p95, ok: target === null || p95 < target };
}

async function seed(orgId: string, agentIds: string[], teamIds: string[]) {
  const agents = sql.raw(`(array[${agentIds.map((a) => `'${a}'::uuid`).join(",")}])`);
  const teamList = sql.raw(`(array[${teamIds.map((t) => `'${t}'::uuid`).join(",")}])`);
  const nine = JSON.stringify([{ open: "09:00", close: "17:00" }]);
  await db.execute(sql`update organizations set time_zone = 'Europe/Berlin',
    business_hours = ${`{"mon":${nine},"tue":${nine},"wed":${nine},"thu":${nine},"fri":${nine},"sat":[],"sun":[]}`}::jsonb,
    holidays = '["2026-10-03","2026-11-01"]'::jsonb where id = ${orgId}`);
  await db.execute(sql`insert into end_users (organization_id, email) select ${orgId}, 'r' || g || '@customer.example' from generate_series(1, 20000) g`);
  // Conversations spread evenly over 90 days; 85% resolved a few hours later; 30% rated.
  await db.execute(sql`
    with users as (select id, (row_number() over (order by id)) - 1 as n from end_users where organization_id = ${orgId})
    insert into conversations (organization_id, number, subject, status, channel, requester_id, assignee_id, team_id, created_at, updated_at, last_message_at, resolved_at)
    select ${orgId}, g, 'Report bench #' || g, case when g % 20 < 17 then 'closed' else 'open' end::conversation_status, 'email', u.id,
      ${agents}[1 + g % ${agentIds.length}], ${teamList}[1 + g % ${teamIds.length}],
      t, t, t, case when g % 20 < 17 then t + make_interval(mins => ${MESSAGES_PER} * 25 + (g % 600)) end
    from generate_series(1, ${CONVERSATIONS}) g join users u on u.n = g % 20000
    cross join lateral (select now() - interval '90 days' + (g::float8 / ${CONVERSATIONS}) * interval '89 days' as t) at`);
  await db.execute(sql`drop index if exists messages_search_idx`);
  await db.execute(sql`drop index if exists conversations_search_document_idx`);
  await db.execute(sql`
    insert into messages (organization_id, conversation_id, direction, type, body, author_end_user_id, author_agent_id, created_at)
    select c.organization_id, c.id, (case when k % 2 = 1 then 'inbound' else 'outbound' end)::message_direction,
      (case when k % 9 = 0 then 'note' else 'reply' end)::message_type, 'Message ' || k || ' of ' || c.number,
      case when k % 2 = 1 then c.requester_id end, case when k % 2 = 0 then c.assignee_id end,
      c.created_at + make_interval(mins => k * 20 + (c.number % 17))
    from conversations c cross join generate_series(1, ${MESSAGES_PER}) k where c.organization_id = ${orgId}`);
  await db.execute(sql`create index messages_search_idx on messages using gin (search)`);
  await db.execute(sql`create index conversations_search_document_idx on conversations using gin (search_document)`);
  await db.execute(sql`insert into ratings (organization_id, conversation_id, score, comment, created_at, updated_at)
    select organization_id, id, (array[5, 4, 5, 3, 4, 5, 2, 4, 5, 1])[1 + (number * 7) % 10], case when number % 7 = 0 then 'Comment ' || number end, resolved_at, resolved_at
    from conversations where organization_id = ${orgId} and resolved_at is not null and number % 10 < 3`);
  await db.execute(sql`update organizations set last_conversation_number = ${CONVERSATIONS} where id = ${orgId}`);
}

async function reuse(orgId: string) {
  const [owner] = await rows<{ id: string; name: string; email: string }>(sql`select id, name, email from agents where organization_id = ${orgId} and role = 'owner' limit 1`);
  return { orgId, owner: owner!, ctx: { orgId, actor: { type: "agent" as const, id: owner!.id, name: owner!.name, email: owner!.email, role: "owner" as const } } };
}

async function main() {
  benchDatabaseUrl();
  assertLocalTestDatabase();
  await applyMigrations();
  // BENCH_REUSE=1 times the organization a previous run seeded in the same DATABASE_URL (seeding takes minutes).
  const [previous] = process.env.BENCH_REUSE ? await rows<{ id: string }>(sql`select organization_id as id from reporting_facts group by 1 order by count(*) desc limit 1`) : [];
  const org = previous ? await reuse(previous.id) : await createTestOrg("Reports bench");
  const agentIds = previous ? (await rows<{ id: string }>(sql`select id from agents where organization_id = ${org.orgId} order by created_at`)).map((a) => a.id) : [org.owner.id];
  const teamRows = previous
    ? await db.select().from(teams).where(sql`${teams.organizationId} = ${org.orgId}`)
    : await db.insert(teams).values(["Support", "Billing", "Sales"].map((name) => ({ organizationId: org.orgId, name }))).returning();
  if (!previous) {
    for (let i = 0; i < 9; i++) agentIds.push((await createAgent(org.orgId, { email: `rb${i}-${org.orgId.slice(0, 6)}@example.test`, password: TEST_PASSWORD, role: "agent" })).id);
    let start = performance.now();
    await seed(org.orgId, agentIds, teamRows.map((t) => t.id));
    console.log(`seeded ${CONVERSATIONS} conversations / ${CONVERSATIONS * MESSAGES_PER} messages in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    start = performance.now();
    const [filled] = await rows<{ n: number }>(sql`select dexra_report_backfill(${org.orgId}) as n`);
    console.log(`backfilled ${filled!.n} facts in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    await db.execute(sql`vacuum analyze`);
  }
  // Fresh statistics and visibility map after migrations (index-only scans), as autovacuum would leave them.
  await db.execute(sql`vacuum analyze reporting_facts, reporting_daily`);
  const kinds = await rows<{ kind: string; n: number }>(sql`select kind, count(*)::int as n from reporting_facts where organization_id = ${org.orgId} group by 1 order by 1`);
  console.log(kinds.map((k) => `${k.kind}=${k.n}`).join("  "));

  const scopeOf = (extra: Partial<ReportScope> = {}) =>
    resolveReportScope(org.ctx, { business_hours: false }, new Date(), { wholeDays: true }).then((s) => ({
      ...s, from: new Date(Date.now() - 91 * 86_400_000), ...extra,
    }));
  const days = await resolveReportScope(org.ctx, { from: new Date(Date.now() - 91 * 86_400_000).toISOString().slice(0, 10), to: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10), business_hours: false });
  const all = await scopeOf();
  const business = { ...all, businessHours: true };
  const oneAgent = { ...all, agentId: agentIds[1]! };
  const oneTeam = { ...all, teamId: teamRows[0]!.id };
  const summary = await summarize(all);
  console.log(`summary: ${JSON.stringify(summary)}\n`);

  const before = await loadBefore();
  if (before) console.log(`timing ${process.env.BENCH_BEFORE} (before) and lib/reports (after), interleaved\n`);
  const results = [
    await time("summary, 90 days", (r) => r.summarize(all), before),
    await time("summary, 90 days, business hours", (r) => r.summarize(business), before),
    await time("summary, 90 days, one agent", (r) => r.summarize(oneAgent), before),
    await time("summary, 90 days, one team", (r) => r.summarize(oneTeam), before),
    await time("timeseries created/day (daily roll-up)", (r) => r.timeseries(days, "conversations_created", "day"), before),
    await time("timeseries created/day, one team", (r) => r.timeseries({ ...days, teamId: teamRows[0]!.id }, "conversations_created", "day"), before),
    await time("timeseries resolved/day", (r) => r.timeseries(days, "conversations_resolved", "day"), before),
    await time("timeseries first response median/day", (r) => r.timeseries(days, "first_response_seconds", "day"), before),
    await time("timeseries created/hour (2,184 points)", (r) => r.timeseries(days, "conversations_created", "hour"), before),
    await time("per-agent table (whole days, as the page asks)", (r) => r.breakdown(days, "agent"), before),
    await time("per-team table (whole days)", (r) => r.breakdown(days, "team"), before),
    await time("busiest-hours heatmap", (r) => r.createdHeatmap(all), before),
    await time("drill-down: resolved (first 1,000)", (r) => r.listReportConversations(all, "resolved", 1000), before),
    await time("CSV export (every conversation, 100k rows)", async (r) => toCsv(await r.listReportConversations(all)), before, null),
  ];
  const failed = results.filter((r) => !r.ok);
  console.log(failed.length ? `\n${failed.length} report queries over target` : "\nevery report query under target");
  await closeDb();
  process.exit(failed.length ? 1 : 0);
}

await main();
