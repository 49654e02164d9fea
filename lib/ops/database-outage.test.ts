import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import { GET as listConversations } from "@/app/api/v1/conversations/route";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/ready/route";
import { callRoute } from "../api/testing/call-route";
import { eventually } from "../testing/webhook-receiver";
import { createTestOrg } from "../testing/test-org";
import { startCluster, type Cluster } from "./testing/postgres-cluster";

// This file plays outages on a PostgreSQL of its own (stopped and started again), never the shared test database.
let cluster: Cluster;
let key: string;
const sharedUrl = process.env.DATABASE_URL;

const timed = async <T>(work: () => Promise<T>) => {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
};
const list = () => callRoute(listConversations, "GET", "/api/v1/conversations/", { key });
const readiness = () => callRoute(ready, "GET", "/api/ready");

beforeAll(async () => {
  cluster = await startCluster();
  await closeDb();
  process.env.DATABASE_URL = cluster.url();
  process.env.DATABASE_CONNECT_TIMEOUT = "1";
  await applyMigrations();
  key = (await createTestOrg("Outage")).serverKey;
}, 60_000);

afterAll(async () => {
  await closeDb();
  cluster?.destroy();
  process.env.DATABASE_URL = sharedUrl;
});

describe("database outage", () => {
  it("answers 503 service_unavailable with Retry-After at once while PostgreSQL is down, and recovers by itself", async () => {
    expect((await list()).status).toBe(200);
    expect((await readiness()).body).toEqual({ status: "ready" });

    cluster.stop();
    for (let i = 0; i < 3; i++) {
      const { result, ms } = await timed(list);
      expect(result.status).toBe(503);
      expect(result.body.error.code).toBe("service_unavailable");
      expect(result.headers.get("retry-after")).toBe("5");
      expect(ms).toBeLessThan(2_000);
    }
    const down = await timed(readiness);
    expect(down.result.status).toBe(503);
    expect(down.result.body.status).toBe("unavailable");
    expect(down.result.body.reason).toMatch(/database/);
    expect(down.ms).toBeLessThan(2_500);
    expect((await callRoute(health, "GET", "/api/health")).body).toEqual({ status: "ok" });

    cluster.start();
    await eventually(async () => expect((await list()).status).toBe(200), 10_000);
    expect((await readiness()).body).toEqual({ status: "ready" });
  });

  it("a server that accepts connections but never answers (blackholed) costs the connect time-out, not 30 s", async () => {
    const sockets: net.Socket[] = [];
    const blackhole = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => blackhole.listen(0, "127.0.0.1", resolve));
    const { port } = blackhole.address() as net.AddressInfo;
    await closeDb();
    process.env.DATABASE_URL = `postgres://postgres@127.0.0.1:${port}/postgres`;
    try {
      const { result, ms } = await timed(list);
      expect(result.status).toBe(503);
      expect(result.body.error.code).toBe("service_unavailable");
      expect(ms).toBeLessThan(2_500);
      const down = await timed(readiness);
      expect(down.result.status).toBe(503);
      expect(down.ms).toBeLessThan(2_500);
    } finally {
      await closeDb();
      for (const socket of sockets) socket.destroy();
      blackhole.close();
      process.env.DATABASE_URL = cluster.url();
    }
    expect((await list()).status).toBe(200);
  });
});
