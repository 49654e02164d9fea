/**
 * Throughput and latency of GET /api/v1/conversations/ and POST /api/v1/conversations/{id}/messages/create/
 * with 100,000 conversations, for our Next server and for a bare node:http + postgres.js server running the
 * same SQL statements, side by side; prints req/s, p50/p99 and the ratio (target ≥ 0.6).
 *
 *   npm run bench:api                      # starts a throwaway PostgreSQL, builds if needed
 *   DATABASE_URL=postgres://… npm run bench:api   # or use a database you give it (a new organization is seeded)
 * Options: BENCH_SECONDS (10), BENCH_CONNECTIONS (10), BENCH_CONVERSATIONS (100000), BENCH_ONLY (list | create | floor),
 * BENCH_PROFILE_DIR (writes V8 CPU profiles of both servers there, to open in Chrome DevTools), BENCH_BEFORE_DIR (another
 * built checkout, measured in the same run as a third server), and prints each Next server's time against bare + floor.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "@/db/schema";
import { seedConversations } from "./api-seed";
import { buildApp, serverEnv, startNext, startServer } from "./servers";
import { benchDatabaseUrl, freePort } from "./throwaway-postgres";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const COUNT = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);

type Statement = { query: string; params: unknown[] };

async function main() {
  const url = benchDatabaseUrl();
  buildApp();

  // Our own connection, with drizzle's logger on, installed as the app's database before lib/ is imported:
  // it lets us record the exact statements the handlers run, for the bare server to replay.
  const client = postgres(url, { max: 10, onnotice: () => {} });
  let recording: Statement[] | null = null;
  const logger = { logQuery: (query: string, params: unknown[]) => recording?.push({ query, params }) };
  (globalThis as { __dexraConnection?: unknown }).__dexraConnection = { kind: "postgres", client, db: drizzle(client, { schema, logger }) };
  const { applyMigrations } = await import("@/db/migrate");
  const { createOrganization } = await import("@/lib/organizations/create-organization");
  const { authenticateKey } = await import("@/lib/api/authenticate-key");
  const { listConversations } = await import("@/lib/conversations/list-conversations");
  const { createMessage } = await import("@/lib/messages/create-message");
  await applyMigrations();

  const started = Date.now();
  const org = await createOrganization({ name: `Bench ${Date.now()}`, ownerEmail: `bench-${Date.now()}@example.com`, ownerPassword: "bench-password" });
  // The default 600 requests/minute per key would turn most of a quiet machine's run into 429s.
  await client`update organizations set rate_limit_per_minute = 1000000000 where id = ${org.organization.id}`;
  const ids = (await seedConversations(client, org.organization.id, COUNT)).map((r) => r.id);
  console.log(`Seeded ${COUNT.toLocaleString("en")} conversations (+ one message each) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const auth = () => new Request("http://bench/", { headers: { authorization: `Bearer ${org.serverKey}` } });
  const key = await authenticateKey(auth()); // also marks the key used now, so that write is not recorded below
  // What the /api/v1 edge runs: the lookup that also counts the request against the key's rate limit.
  const lookup = () => authenticateKey(auth(), { countServerKey: true });
  const ctx = { orgId: key.orgId, actor: { type: "api_key" as const, id: key.id, name: key.name, kind: key.kind } };
  const messageBody = { body: "Thanks, we are looking into it.", user_email: org.owner.email };
  const record = async (work: () => Promise<unknown>) => {
    recording = [];
    await work();
    const statements = recording;
    recording = null;
    return statements;
  };
  const captured = {
    conversationId: ids[0]!,
    list: await record(async () => (await lookup(), listConversations(ctx, {}))),
    create: await record(async () => (await lookup(), createMessage(ctx, ids[0]!, messageBody))),
  };
  const statementsFile = path.join(os.tmpdir(), `dexra-bench-statements-${process.pid}.json`);
  fs.writeFileSync(statementsFile, JSON.stringify(captured));
  console.log(`Statements per request: list ${captured.list.length}, message create ${captured.create.length} (+ BEGIN/COMMIT)`);
  for (const [name, statements] of [["list", captured.list], ["create", captured.create]] as const) {
    for (const s of statements) console.log(`  ${name}: ${s.query.replace(/\s+/g, " ").slice(0, 110)}`);
  }

  const env = { ...serverEnv(url), STATEMENTS: statementsFile };
  const nextPort = freePort();
  const barePort = nextPort + 1;
  const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE_DIR)}`] : [];
  await startNext(nextPort, env, profile);
  await startServer(process.execPath, [...profile, "--import", "tsx", "bench/api-bare-server.ts"], barePort, env);
  // BENCH_BEFORE_DIR: another built checkout (the previous version) measured in the same run, on the same data.
  const before = process.env.BENCH_BEFORE_DIR;
  const servers: [string, number][] = [["dexra (Next)", nextPort], ["bare node:http", barePort]];
  if (before) servers.splice(1, 0, ["dexra before (Next)", (await startNext(barePort + 1, env, [], path.resolve(before)), barePort + 1)]);

  const headers = { authorization: `Bearer ${org.serverKey}`, "content-type": "application/json" };
  const scenarios = [
    { name: "GET  /api/v1/conversations/", method: "GET" as const, path: () => "/api/v1/conversations/" },
    {
      name: "POST /api/v1/conversations/{id}/messages/create/",
      method: "POST" as const,
      // Spread over 1,000 conversations, as real traffic is: one row lock per conversation serializes writers.
      path: () => `/api/v1/conversations/${ids[Math.floor(Math.random() * ids.length)]}/messages/create/`,
      body: JSON.stringify(messageBody),
    },
    {
      // No database work at all: the framework's fixed cost per request, the floor under both ratios above.
      name: "401: malformed key, no database work",
      status: 401,
      method: "GET" as const,
      headers: { authorization: "Bearer not-a-key" },
      path: () => "/api/v1/conversations/",
    },
  ];
  const rowsOut: string[][] = [];
  // ms of one request at this concurrency (1,000 / req/s), per server, per scenario.
  const perRequest = new Map<string, number[]>();
  const only = process.env.BENCH_ONLY;
  for (const scenario of scenarios.filter((s) => !only || s.name.includes({ list: "GET ", create: "create", floor: "401" }[only] ?? only))) {
    const results: number[] = [];
    for (const [label, port] of servers) {
      const run = (duration: number) =>
        autocannon({
          url: `http://127.0.0.1:${port}`,
          connections: CONNECTIONS,
          duration,
          requests: [{ method: scenario.method, headers: { ...headers, ...scenario.headers }, body: scenario.body, setupRequest: (req) => ({ ...req, path: scenario.path() }) }],
        });
      await run(5); // warm-up: JIT, connection pools, route compilation, caches
      const r = await run(SECONDS);
      const expected = "status" in scenario ? scenario.status : null;
      const errors = expected ? r.errors + r.requests.total - (r.statusCodeStats?.[String(expected) as "401"]?.count ?? 0) : r.non2xx + r.errors;
      results.push(r.requests.average);
      rowsOut.push([scenario.name, label, r.requests.average.toFixed(0), `${r.latency.p50}`, `${r.latency.p99}`, String(errors)]);
    }
    const failed = rowsOut.some((row) => row[0] === scenario.name && row[5] !== "0");
    const bare = results.at(-1)!;
    servers.slice(0, -1).forEach(([label], i) =>
      rowsOut.push([scenario.name, `ratio (${label.replace(" (Next)", "")} / bare)`, failed ? "invalid: unexpected answers" : (results[i]! / bare).toFixed(2), "", "", ""]));
    perRequest.set(scenario.name, results.map((r) => 1000 / r));
  }

  console.log(`\n${COUNT.toLocaleString("en")} conversations, ${CONNECTIONS} connections, ${SECONDS} s per run, ${os.cpus().length} CPUs\n`);
  const header = ["endpoint", "server", "req/s", "p50 ms", "p99 ms", "unexpected"];
  const widths = header.map((h, i) => Math.max(h.length, ...rowsOut.map((r) => r[i]!.length)));
  for (const row of [header, ...rowsOut]) console.log(row.map((c, i) => c.padEnd(widths[i]!)).join("  "));
  // Against what the design allows: the bare server's time for the same statements plus the framework's own floor.
  // The floor is the same framework path in every Next build: their mean, so one build's noisy floor run does not
  // skew its own ratio.
  const floors = perRequest.get(scenarios[2]!.name)?.slice(0, -1);
  const floor = floors ? floors.reduce((a, b) => a + b, 0) / floors.length : null;
  for (const scenario of scenarios.slice(0, 2)) {
    const ms = perRequest.get(scenario.name);
    if (!ms || floor === null) continue;
    servers.slice(0, -1).forEach(([label], i) =>
      console.log(`${scenario.name.padEnd(50)} ${label.padEnd(20)} ${ms[i]!.toFixed(2)} ms vs bare ${ms.at(-1)!.toFixed(2)} + floor ${floor.toFixed(2)} ms → ${(ms[i]! / (ms.at(-1)! + floor)).toFixed(2)}×`));
  }
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  await client.end();
  fs.rmSync(statementsFile, { force: true });
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
