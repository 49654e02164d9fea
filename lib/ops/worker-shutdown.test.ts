import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { rows, sql } from "@/db/client";
import { createConversation } from "../conversations/create-conversation";
import { createTestOrg } from "../testing/test-org";
import { eventually, startWebhookReceiver, type WebhookReceiver } from "../testing/webhook-receiver";
import { createWebhookEndpoint } from "../webhooks/endpoints";

// `npm run worker` stopped by SIGTERM while an attempt hangs: it must exit within 10 s and hand its lease back,
// so the next worker retries at once instead of after the lease (here 2 minutes). The worker is one process
// (`node --import tsx`, as package.json and the Dockerfile start it): the tsx CLI runs the script in a child and,
// when that child is slow to confirm a signal (a busy event loop, a loaded machine: the flake this test had),
// sends it SIGKILL after 60 ms, so the lease was never handed back.
const children: ChildProcess[] = [];
let receiver: WebhookReceiver | undefined;

function startWorker(orgId: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, DEXRA_WEBHOOK_ALLOW_PRIVATE: "1", DEXRA_WEBHOOK_ORGANIZATIONS: orgId, DEXRA_WEBHOOK_TIMEOUT_MS: "30000", DEXRA_WEBHOOK_LEASE_MS: "120000", DEXRA_WEBHOOK_POLL_MS: "100" },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  children.push(child);
  const exited = new Promise<number | string | null>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal)));
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
    // A second SIGTERM (npm relays the signal to its script, a process manager may repeat it) must not cut the
    // graceful stop short.
    await new Promise((r) => setTimeout(r, 100));
    process.kill(-first.child.pid!, "SIGTERM");
    expect(await first.exited).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(10_000);
    // The worker process has exited: its lease is handed back by now, not later.
    const [delivery] = await rows<{ released: boolean; status: string }>(sql`
      select locked_until <= now() as released, status from webhook_deliveries where organization_id = ${orgId}`);
    expect(delivery).toEqual({ released: true, status: "pending" });

    const second = startWorker(orgId);
    await second.started;
    // Well within the 2-minute lease: the released delivery is picked up by the next poll, not when the lease runs out.
    await eventually(() => expect(receiver!.received).toHaveLength(1), 20_000);
  });
});
