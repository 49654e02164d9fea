import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, rows, sql } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import { GET as listConversations } from "@/app/api/v1/conversations/route";
import { callRoute } from "../api/testing/call-route";
import { eventually } from "../testing/webhook-receiver";
import { createTestOrg } from "../testing/test-org";
import { watchDatabase } from "./database-watchdog";
import { freezeCluster, startCluster, type Cluster } from "./testing/postgres-cluster";

// A PostgreSQL of this file's own, frozen with SIGSTOP as `docker pause` or a hung host would: its sockets stay
// open, so connections the pool already holds neither answer nor fail (the connect time-out does not apply).
let cluster: Cluster;
let key: string;
const sharedUrl = process.env.DATABASE_URL;

const list = () => callRoute(listConversations, "GET", "/api/v1/conversations/", { key });

beforeAll(async () => {
  cluster = await startCluster();
  await closeDb();
  process.env.DATABASE_URL = cluster.url();
  await applyMigrations();
  key = (await createTestOrg("Frozen")).serverKey;
}, 60_000);

afterAll(async () => {
  await closeDb();
  cluster?.destroy();
  process.env.DATABASE_URL = sharedUrl;
});

describe("a database that stops answering without closing its connections", () => {
  it("answers 503 service_unavailable within seconds (the watchdog), and 200 again once it answers", async () => {
    expect((await list()).status).toBe(200);
    const thaw = freezeCluster(cluster);
    try {
      const started = performance.now();
      const result = await list();
      const ms = performance.now() - started;
      expect(result.status).toBe(503);
      expect(result.body.error.code).toBe("service_unavailable");
      expect(result.headers.get("retry-after")).toBe("5");
      // The request keeps one id: its X-Request-Id header and its error message name the same one.
      const id = result.headers.get("x-request-id");
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(result.body.error.message).toContain(`request id ${id}`);
      // The watchdog's wait (3 s) and its probe's (2 s), with room for a loaded machine; it used to hang for good.
      expect(ms).toBeLessThan(9_000);
    } finally {
      thaw();
    }
    await eventually(async () => expect((await list()).status).toBe(200), 15_000);
  }, 40_000);

  it("lets slow work on a database that answers run to its end", async () => {
    const [row] = await watchDatabase(rows<{ done: number }>(sql`select 1 as done from pg_sleep(1.5)`), { afterMs: 200 });
    expect(row).toEqual({ done: 1 });
  });

  it("gives up on work still waiting past the ceiling even though new connections answer (its own connection is the one that stopped)", async () => {
    const started = performance.now();
    await expect(watchDatabase(rows(sql`select pg_sleep(8)`), { afterMs: 200, ceilingMs: 600 })).rejects.toMatchObject({ code: "08006" });
    // Long before the work itself would have ended (8 s), with room for a loaded machine's probes.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
