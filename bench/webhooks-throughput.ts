/**
 * Events per second from the outbox to a local receiver, through the real worker and HTTP.
 *   DATABASE_URL=postgres://… npx tsx bench/webhooks-throughput.ts [events] [concurrency]
 * 1) backlog: `events` events are written first, then one in-process worker drains them;
 * 2) live: events are written one transaction each while the worker runs; reports commit → receipt latency.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { closeDb, db } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import { emitEvent } from "@/lib/events/record";
import { createTestOrg } from "@/lib/testing/test-org";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { startWebhookWorker } from "@/lib/webhooks/worker";

process.env.DEXRA_WEBHOOK_ALLOW_PRIVATE = "1";
const total = Number(process.argv[2] ?? 5000);
const concurrency = Number(process.argv[3] ?? 20);
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)]!;

const arrivals = new Map<number, number>();
let onArrival = () => {};
const server = http.createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    const n = JSON.parse(body).data.n as number;
    if (!arrivals.has(n)) arrivals.set(n, performance.now());
    res.end("ok");
    onArrival();
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
const until = (count: number) => new Promise<void>((resolve) => (onArrival = () => arrivals.size >= count && resolve()));

await applyMigrations();
const { ctx, orgId } = await createTestOrg("Bench");
await createWebhookEndpoint(ctx, { url });

// 1) Backlog drain.
for (let start = 0; start < total; start += 100) {
  await db.transaction(async (tx) => {
    for (let n = start; n < Math.min(start + 100, total); n++) await emitEvent(tx, ctx, "user_updated", { n });
  });
}
let done = until(total);
const started = performance.now();
const worker = startWebhookWorker({ concurrency, organizationIds: [orgId] });
await done;
const seconds = (performance.now() - started) / 1000;
console.log(`backlog: ${total} events delivered in ${seconds.toFixed(2)} s = ${Math.round(total / seconds)} events/s (concurrency ${concurrency})`);

// 2) Live: one event per transaction, as API calls produce them.
const live = Math.min(1000, total);
arrivals.clear();
const committedAt = new Map<number, number>();
done = until(live);
const liveStart = performance.now();
for (let n = 0; n < live; n++) {
  await db.transaction((tx) => emitEvent(tx, ctx, "user_updated", { n }));
  committedAt.set(n, performance.now());
}
await done;
const liveSeconds = (performance.now() - liveStart) / 1000;
const latency = [...committedAt].map(([n, at]) => arrivals.get(n)! - at);
console.log(
  `live: ${live} events (one transaction each) in ${liveSeconds.toFixed(2)} s = ${Math.round(live / liveSeconds)} events/s; ` +
    `commit → receipt p50 ${percentile(latency, 0.5).toFixed(1)} ms, p95 ${percentile(latency, 0.95).toFixed(1)} ms`,
);
await worker.stop();
server.close();
await closeDb();
