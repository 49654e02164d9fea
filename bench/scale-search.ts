/**
 * API search at scale, before and after, side by side: `DATABASE_URL=… BENCH_BEFORE_DIR=/path/to/old/checkout
 * npx tsx bench/scale-search.ts`. Times `GET /api/v1/conversations/?q=` on the organization `npm run bench:scale`
 * seeded into DATABASE_URL (the largest one there; seed it with BENCH_SEED_ONLY=1 first), through `next start`
 * of this checkout's build and, when BENCH_BEFORE_DIR names another built checkout, of that one on the same
 * database, one request at a time, alternating, so both see the same machine. BENCH_RUNS (60) per word.
 */
import { performance } from "node:perf_hooks";
import os from "node:os";
import { sql } from "drizzle-orm";
import { closeDb, rows } from "@/db/client";
import { createApiKey } from "@/lib/keys/create-api-key";
import { assertLocalTestDatabase } from "@/lib/testing/local-database";
import { pct } from "./scale-probes";
import { serverEnv, startNext } from "./servers";
import { freePort } from "./throwaway-postgres";

const RUNS = Number(process.env.BENCH_RUNS ?? 60);

async function main() {
  assertLocalTestDatabase();
  const [org] = await rows<{ id: string; n: number }>(sql`select organization_id as id, count(*)::int as n from conversations group by 1 order by 2 desc limit 1`);
  if (!org) throw new Error("No conversations in DATABASE_URL: seed with `BENCH_SEED_ONLY=1 npm run bench:scale` first");
  await rows(sql`update organizations set rate_limit_per_minute = 1000000000 where id = ${org.id}`);
  const { key } = await createApiKey(org.id, { kind: "server", name: "search bench" });
  await closeDb();
  const env = { ...serverEnv(process.env.DATABASE_URL!), DEXRA_WORKER: "off", DEXRA_LOG_LEVEL: "warn", DATABASE_STATEMENT_TIMEOUT_MS: "60000" };
  const servers: [string, string][] = [["after (this checkout)", await startNext(freePort(), env)]];
  if (process.env.BENCH_BEFORE_DIR) servers.unshift(["before", await startNext(freePort(), env, [], process.env.BENCH_BEFORE_DIR)]);
  const words = ["tracking label", "refund", "ref", "password", "refund tracking password card"];
  const query = (word: string, i: number) => (word === "ref" ? `ref${org.n - ((i + 400) % 400)}x2` : word);
  console.log(`${org.n.toLocaleString("en")} conversations; ${RUNS} requests per word and server, alternating; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  const samples = new Map<string, number[]>();
  const answers = new Map<string, string>();
  for (const word of words) {
    for (let i = -3; i < RUNS; i++) {
      for (const [name, base] of servers) {
        const t = performance.now();
        const response = await fetch(`${base}/api/v1/conversations/?q=${encodeURIComponent(query(word, i))}`, { headers: { authorization: `Bearer ${key}` } });
        const body = (await response.json()) as { count: number; count_exact?: boolean; results: unknown[] };
        if (!response.ok) throw new Error(`${name} answered ${response.status}`);
        if (i < 0) { answers.set(`${name} ${word}`, `count ${body.count}${body.count_exact === false ? " (lower bound)" : ""}, ${body.results.length} results`); continue; }
        const key2 = `${name}|${word}`;
        samples.set(key2, [...(samples.get(key2) ?? []), performance.now() - t]);
      }
    }
  }
  console.log(`\n${"search q".padEnd(30)} ${servers.map(([n]) => ` ${n} p50 / p95 ms`.padStart(36)).join("")}`);
  for (const word of words) {
    const cells = servers.map(([name]) => {
      const s = samples.get(`${name}|${word}`)!.sort((a, b) => a - b);
      return `${pct(s, 50).toFixed(1)} / ${pct(s, 95).toFixed(1)}`.padStart(36);
    });
    console.log(`${(word === "ref" ? "ref<n>x2 (one match)" : word).padEnd(30)} ${cells.join("")}`);
  }
  for (const [label, answer] of answers) console.log(`  ${label}: ${answer}`);
  console.log(`load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
