import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, replicaDb, rows, sql } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import { createConversation } from "../conversations/create-conversation";
import { listConversations } from "../conversations/list-conversations";
import { exportReportCsv } from "../reports/csv";
import { getReportSummary } from "../reports/summary";
import { createTestOrg } from "../testing/test-org";
import { freezeCluster, startCluster, startReplica, type Cluster } from "./testing/postgres-cluster";

// A real primary and a streaming replica made with pg_basebackup -R, both this file's own.
let primary: Cluster;
let replica: Cluster;
const sharedUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  primary = await startCluster();
  replica = await startReplica(primary);
  await closeDb();
  process.env.DATABASE_URL = primary.url();
  process.env.DATABASE_REPLICA_URL = replica.url();
  process.env.DATABASE_CONNECT_TIMEOUT = "1";
  await applyMigrations();
}, 60_000);

afterAll(async () => {
  await closeDb();
  replica?.destroy();
  primary?.destroy();
  process.env.DATABASE_URL = sharedUrl;
  delete process.env.DATABASE_REPLICA_URL;
});

/**
 * Pauses the replica's replay, makes the write, and returns once the replica has received its WAL without
 * replaying it (waited for, not slept through). Pausing is a request: replay stops at its next record.
 */
async function pauseReplayAndWrite(write: () => Promise<unknown>) {
  await replicaDb()!.execute(sql`select pg_wal_replay_pause()`);
  await expect.poll(async () => (await rows<{ state: string }>(sql`select pg_get_wal_replay_pause_state() as state`, replicaDb()!))[0]!.state, { timeout: 10_000 }).toBe("paused");
  await write();
  const [written] = await rows<{ lsn: string }>(sql`select pg_current_wal_lsn()::text as lsn`);
  await expect.poll(async () => (await rows<{ received: boolean }>(sql`select pg_last_wal_receive_lsn() >= ${written!.lsn}::pg_lsn as received`, replicaDb()!))[0]!.received, { timeout: 10_000 }).toBe(true);
}

const search = async (ctx: Parameters<typeof listConversations>[0], q: string) => (await listConversations(ctx, { q })).count;

describe("read replica (DATABASE_REPLICA_URL)", () => {
  it("search reads the replica: a write appears there once replayed, not while replay is paused", async () => {
    const [standby] = await rows<{ recovering: boolean }>(sql`select pg_is_in_recovery() as recovering`, replicaDb()!);
    expect(standby!.recovering).toBe(true);
    const { ctx } = await createTestOrg("Replica");
    await createConversation(ctx, { subject: "A quokka question" });
    await expect.poll(() => search(ctx, "quokka"), { timeout: 10_000 }).toBe(1);

    await pauseReplayAndWrite(() => createConversation(ctx, { subject: "A wombat question" }));
    // The primary has it at once (plain lists read the primary); the search, on the paused replica, not yet.
    expect((await listConversations(ctx, {})).count).toBe(2);
    expect(await search(ctx, "wombat")).toBe(0);
    await replicaDb()!.execute(sql`select pg_wal_replay_resume()`);
    await expect.poll(() => search(ctx, "wombat"), { timeout: 10_000 }).toBe(1);
  });

  it("reports read the replica: a conversation is counted once replayed, not while replay is paused", async () => {
    const { ctx } = await createTestOrg("Replica reports");
    const range = { from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() };
    const created = async () => (await getReportSummary(ctx, range)).conversations_created;
    const csvRows = async () => (await exportReportCsv(ctx, range)).csv.trim().split("\r\n").length - 1;
    await createConversation(ctx, { subject: "Counted" });
    await expect.poll(created, { timeout: 10_000 }).toBe(1);

    await pauseReplayAndWrite(() => createConversation(ctx, { subject: "Not yet counted" }));
    expect(await created()).toBe(1);
    expect(await csvRows()).toBe(1);
    await replicaDb()!.execute(sql`select pg_wal_replay_resume()`);
    await expect.poll(created, { timeout: 10_000 }).toBe(2);
    expect(await csvRows()).toBe(2);
  });

  it("with the replica frozen (its connections open, never answering), searches and reports are answered by the primary within seconds", async () => {
    const { ctx } = await createTestOrg("Replica frozen");
    await createConversation(ctx, { subject: "Echidna sighting" });
    await expect.poll(() => search(ctx, "echidna"), { timeout: 10_000 }).toBe(1);
    const thaw = freezeCluster(replica);
    try {
      const started = performance.now();
      const range = { from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() };
      const [found, summary] = await Promise.all([search(ctx, "echidna"), getReportSummary(ctx, range)]);
      expect(found).toBe(1);
      expect(summary.conversations_created).toBe(1);
      // The watchdog's wait (3 s) and its probe's (2 s), with room for a loaded machine; it used to hang for good.
      expect(performance.now() - started).toBeLessThan(12_000);
    } finally {
      thaw();
    }
  }, 40_000);

  it("with the replica down, searches are answered by the primary", async () => {
    const { ctx } = await createTestOrg("Replica down");
    await createConversation(ctx, { subject: "Platypus sighting" });
    replica.stop();
    try {
      expect(await search(ctx, "platypus")).toBe(1);
    } finally {
      replica.start();
    }
  });
});
