import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { rows, sql } from "@/db/client";

type Metrics = {
  registry: Registry;
  requests: Counter<"method" | "route" | "status">;
  latency: Histogram<"method" | "route">;
  deliveries: Counter<"outcome">;
};

// A scrape during a database outage still answers, with the process metrics and the last queue figures.
const scrape = <T>(query: ReturnType<typeof sql>) => rows<T>(query).catch(() => [] as T[]);

function create(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "dexra_" });
  const requests = new Counter({ name: "dexra_http_requests_total", help: "API requests answered", labelNames: ["method", "route", "status"], registers: [registry] });
  const latency = new Histogram({
    name: "dexra_http_request_duration_seconds",
    help: "API request latency",
    labelNames: ["method", "route"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const deliveries = new Counter({ name: "dexra_webhook_attempts_total", help: "Webhook delivery attempts made by this process", labelNames: ["outcome"], registers: [registry] });
  // Read from the database at scrape time: the queue is shared by every worker, so any instance reports all of it.
  new Gauge({
    name: "dexra_webhook_queue_depth",
    help: "Webhook deliveries due now and not yet delivered (all workers)",
    registers: [registry],
    async collect() {
      const [row] = await scrape<{ due: number }>(sql`select count(*)::int as due from webhook_deliveries where status = 'pending' and next_attempt_at <= now()`);
      if (row) this.set(row.due);
    },
  });
  new Gauge({
    name: "dexra_webhook_queue_oldest_seconds",
    help: "Age of the oldest due webhook delivery",
    registers: [registry],
    async collect() {
      const [row] = await scrape<{ age: number | null }>(sql`select extract(epoch from now() - min(next_attempt_at))::float8 as age from webhook_deliveries where status = 'pending' and next_attempt_at <= now()`);
      if (row) this.set(Math.max(0, row.age ?? 0));
    },
  });
  return { registry, requests, latency, deliveries };
}

// One registry per process, kept across dev hot reloads (prom-client refuses a metric registered twice).
const holder = globalThis as unknown as { __dexraMetrics?: Metrics };
export const metrics = () => (holder.__dexraMetrics ??= create());

// Ids and numbers in paths become placeholders, so a route is one series rather than one per conversation.
const ID_SEGMENT = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+|[A-Za-z0-9_]{20,})$/i;
export const routeLabel = (pathname: string) =>
  pathname.replace(/\/$/, "").split("/").map((s) => (ID_SEGMENT.test(s) ? ":id" : s)).join("/") || "/";

export function observeRequest(method: string, pathname: string, status: number, seconds: number) {
  const m = metrics();
  const route = routeLabel(pathname);
  m.requests.inc({ method, route, status: String(status) });
  m.latency.observe({ method, route }, seconds);
}

export const countDeliveryAttempt = (outcome: "delivered" | "failed" | "error") => metrics().deliveries.inc({ outcome });
