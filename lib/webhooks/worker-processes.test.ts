import { spawn, type ChildProcess } from "node:child_process";
import { asc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { webhookAttempts } from "@/db/schema";
import { createConversation } from "../conversations/create-conversation";
import { emitEvent } from "../events/record";
import { createTestOrg } from "../testing/test-org";
import { eventually, startWebhookReceiver, type WebhookReceiver } from "../testing/webhook-receiver";
import { createWebhookEndpoint } from "./endpoints";

// Real `npm run worker` processes (node --import tsx scripts/worker.ts) against the test database.
const children: ChildProcess[] = [];
let receiver: WebhookReceiver;

async function startWorkerProcess(orgId: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: {
      ...process.env,
      DEXRA_WEBHOOK_ALLOW_PRIVATE: "1",
      DEXRA_WEBHOOK_ORGANIZATIONS: orgId,
      // Seconds instead of minutes, so a killed worker's lease runs out while the test waits.
      DEXRA_WEBHOOK_TIMEOUT_MS: "3000",
      DEXRA_WEBHOOK_LEASE_MS: "5000",
      DEXRA_WEBHOOK_POLL_MS: "100",
    },
    stdio: ["ignore", "ignore", "pipe"],
    // Its own process group, signalled as a whole, as a process manager would.
    detached: true,
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let output = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("started")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`worker exited (${code}): ${output}`)));
  });
  return child;
}

const signal = (child: ChildProcess, name: NodeJS.Signals) => process.kill(-child.pid!, name);
const exited = (child: ChildProcess) => new Promise((resolve) => (child.exitCode !== null || child.signalCode ? resolve(null) : child.once("exit", resolve)));

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && !child.signalCode) {
      signal(child, "SIGTERM");
      await exited(child);
    }
  }
  await receiver?.close();
});

async function setUp() {
  process.env.DEXRA_WEBHOOK_ALLOW_PRIVATE = "1";
  const org = await createTestOrg();
  receiver = await startWebhookReceiver();
  const endpoint = await createWebhookEndpoint(org.ctx, { url: receiver.url });
  receiver.trust(endpoint.secret);
  return { ...org, endpoint };
}

describe("worker processes", () => {
  it("a worker killed during delivery: after a restart the event is still delivered, with the same webhook-id", async () => {
    const { ctx, orgId } = await setUp();
    let hungId: string | undefined;
    receiver.respond((n, id) => (n === 1 ? ((hungId = id), "hang") : { status: 200 }));
    const first = await startWorkerProcess(orgId);
    await createConversation(ctx, { subject: "Delivered despite a crash" });
    await eventually(() => expect(hungId).toBeDefined());
    signal(first, "SIGKILL");
    await exited(first);

    await startWorkerProcess(orgId);
    await eventually(() => expect(receiver.received).toHaveLength(1), 15_000);
    expect(receiver.received[0]!.id).toBe(hungId);
    expect(receiver.received[0]!.verifiedWith).toHaveLength(1);
    // The worker records the attempt after the receiver has answered: on a loaded machine that can lag the delivery.
    await eventually(async () => {
      const log = await db.select().from(webhookAttempts).where(eq(webhookAttempts.organizationId, orgId)).orderBy(asc(webhookAttempts.attempt));
      expect(log.map((a) => [a.attempt, a.statusCode, a.error])).toEqual([
        [1, null, "interrupted: the worker stopped before the attempt finished"],
        [2, 200, null],
      ]);
    });
  });

  it("two worker processes on 1,000 events: each delivered, never the same one concurrently", async () => {
    const { ctx, orgId } = await setUp();
    receiver.respond(() => ({ status: 200, delayMs: 2 }));
    await Promise.all([startWorkerProcess(orgId), startWorkerProcess(orgId)]);
    for (let batch = 0; batch < 20; batch++) {
      await db.transaction(async (tx) => {
        for (let i = 0; i < 50; i++) await emitEvent(tx, ctx, "user_updated", { n: batch * 50 + i });
      });
    }
    await eventually(() => expect(new Set(receiver.received.map((r) => r.id)).size).toBe(1000), 60_000);
    expect(receiver.overlaps).toEqual([]);
    expect(receiver.received).toHaveLength(1000);
    expect(new Set(receiver.received.map((r) => r.body.data.n))).toHaveProperty("size", 1000);
    expect(receiver.received.every((r) => r.verifiedWith.length === 1)).toBe(true);
  });
});
