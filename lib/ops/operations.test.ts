import { afterEach, describe, expect, it } from "vitest";
import { closeDb, db, sql } from "@/db/client";
import { GET as health } from "@/app/api/health/route";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { GET as ready } from "@/app/api/ready/route";
import { GET as listConversations } from "@/app/api/v1/conversations/route";
import { callRoute } from "../api/testing/call-route";
import { createTestOrg } from "../testing/test-org";
import { routeLabel } from "./metrics";

const scrape = async (authorization?: string) => {
  const response = await metricsRoute(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
};

afterEach(() => {
  delete process.env.DEXRA_METRICS_TOKEN;
});

describe("operations endpoints", () => {
  it("health answers ok; ready answers ready when the database answers and migrations are applied", async () => {
    expect(await callRoute(health, "GET", "/api/health")).toMatchObject({ status: 200, body: { status: "ok" } });
    expect(await callRoute(ready, "GET", "/api/ready")).toMatchObject({ status: 200, body: { status: "ready" } });
  });

  it("ready answers 503 'migrations pending' on a database the migrations have not reached", async () => {
    const shared = process.env.DATABASE_URL!;
    const name = `dexra_unmigrated_${Date.now()}`;
    await db.execute(sql.raw(`create database ${name}`));
    await closeDb();
    process.env.DATABASE_URL = shared.replace(/\/[^/]*$/, `/${name}`);
    try {
      expect(await callRoute(ready, "GET", "/api/ready")).toMatchObject({ status: 503, body: { status: "unavailable", reason: "migrations pending" } });
    } finally {
      await closeDb();
      process.env.DATABASE_URL = shared;
      await db.execute(sql.raw(`drop database ${name}`));
    }
  });

  it("metrics: 404 when no token is configured, 401 without the right bearer token", async () => {
    expect((await scrape("Bearer anything")).status).toBe(404);
    process.env.DEXRA_METRICS_TOKEN = "metrics-secret";
    expect((await scrape()).status).toBe(401);
    expect((await scrape("Bearer metrics-secre")).status).toBe(401);
    expect((await scrape("Bearer metrics-secret")).status).toBe(200);
  });

  it("metrics: Prometheus text with the API's requests and latencies by route, and the webhook queue depth", async () => {
    process.env.DEXRA_METRICS_TOKEN = "metrics-secret";
    const org = await createTestOrg();
    expect((await callRoute(listConversations, "GET", "/api/v1/conversations/", { key: org.serverKey })).status).toBe(200);
    expect((await callRoute(listConversations, "GET", "/api/v1/conversations/", { key: "sk_live_wrong" })).status).toBe(401);
    const { status, type, text } = await scrape("Bearer metrics-secret");
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain/);
    expect(text).toMatch(/dexra_http_requests_total\{method="GET",route="\/api\/v1\/conversations",status="200"\} [1-9]/);
    expect(text).toMatch(/dexra_http_requests_total\{method="GET",route="\/api\/v1\/conversations",status="401"\} [1-9]/);
    expect(text).toMatch(/dexra_http_request_duration_seconds_bucket\{le="0.5",method="GET",route="\/api\/v1\/conversations"\}/);
    expect(text).toMatch(/^dexra_webhook_queue_depth \d+$/m);
    expect(text).toMatch(/^dexra_process_resident_memory_bytes \d+/m);
  });

  it("route labels fold ids into placeholders", () => {
    expect(routeLabel("/api/v1/conversations/6f1c2a8e-1b2c-4d5e-8f90-1234567890ab/messages/")).toBe("/api/v1/conversations/:id/messages");
    expect(routeLabel("/v1/conversations/42")).toBe("/v1/conversations/:id");
  });
});
