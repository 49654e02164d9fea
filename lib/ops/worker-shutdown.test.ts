import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { rows, sql } from "@/db/client";
import { createConversation } from "../conversations/create-conversation";
import { createTestOrg } from "../testing/test-org";
import { eventually, startWebhookReceiver, type WebhookReceiver } from "../testing/webhook-receiver";
import { createWebhookEndpoint } from "../webhooks/endpoints";

// `npm run worker` stopped by SIGTERM while an attempt hangs: it must exit within 10 s and hand its lease back,
// so the next worker retries at once instead of after the lease (here 2 minutes).
const children: ChildProcess[] = [];
let receiver: WebhookReceiver | undefined;

function startWorker(orgId: string) {
  const child = spawn(path.join(process.cwd(), "node_modules/.bin/tsx"), ["scripts/worker.ts"], {
    env: { ...process.env, DEXRA_WEBHOOK_ALLOW_PRIVATE: "1", DEXRA_WEBHOOK_ORGANIZATIONS: orgId, DEXRA_WEBHOOK_TIMEOUT_MS: "30000", DEXRA_WEBHOOK_LEASE_MS: "120000", DEXRA_WEBHOOK_POLL_MS: "100" },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const started = new Promise<void>((resolve) => {
    let output = "";
    child.stderr!.on("data", (c: Buffer) => ((output += c.toString()), output.includes("started") && resolve()));
  });
  return { child, exited, started };
}

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && !child.signalCode) process.kill(-child.pid!, "SIGKILL");
  await receiver?.close();
});

describe("worker graceful shutdown", () => {
  it("SIGTERM during a hanging attempt: exits within 10 s and releases the lease; the next worker delivers at once", async () => {
    process.env.DEXRA_WEBHOOK_ALLOW_PRIVATE = "1";
    const { ctx, orgId } = await createTestOrg("Worker shutdown");
    receiver = await startWebhookReceiver();
    const endpoint = await createWebhookEndpoint(ctx, { url: receiver.url });
    receiver.trust(endpoint.secret);
    let hung = 0;
    receiver.respond(() => (hung++ === 0 ? "hang" : { status: 200 }));

    const first = startWorker(orgId);
    await first.started;
    await createConversation(ctx, { subject: "Delivered after a graceful stop" });
    await eventually(() => expect(hung).toBe(1));
    const signalledAt = Date.now();
    process.kill(-first.child.pid!, "SIGTERM");
    await first.exited;
    expect(Date.now() - signalledAt).toBeLessThan(10_000);
    // `exited` is tsx's own process: the worker it runs may still be handing its lease back, within the same 10 s.
    await eventually(async () => {
      const [delivery] = await rows<{ released: boolean; status: string }>(sql`
        select locked_until <= now() as released, status from webhook_deliveries where organization_id = ${orgId}`);
      expect(delivery).toEqual({ released: true, status: "pending" });
    }, Math.max(0, 10_000 - (Date.now() - signalledAt)));

    const second = startWorker(orgId);
    await second.started;
    await eventually(() => expect(receiver!.received).toHaveLength(1), 5_000);
  });
});
