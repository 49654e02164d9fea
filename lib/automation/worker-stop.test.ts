import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createConversation } from "../conversations/create-conversation";
import { createTestOrg } from "../testing/test-org";
import { eventually } from "../testing/webhook-receiver";
import type { LeasedWorker } from "../queue/leased-worker";
import { createAutomationRule } from "./manage-rules";
import { automationRuns, jobsOf } from "./testing";
import { startAutomationWorker } from "./worker";

// A worker stopped (SIGTERM) while a rule's webhook hangs hands its job's lease back, so the next worker runs the
// job at once instead of after the lease (here two minutes).
const workers: LeasedWorker[] = [];
let server: http.Server | undefined;
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop({ graceMs: 0 })));
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r) ?? r(null));
});

describe("automation worker graceful stop", () => {
  it("releases the lease of a job still running; the next worker runs it at once", async () => {
    process.env.DEXRA_WEBHOOK_ALLOW_PRIVATE = "1";
    let calls = 0;
    server = http.createServer((req, res) => {
      req.resume();
      if (calls++ === 0) return; // the first call hangs
      res.writeHead(200).end("ok");
    });
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const { ctx, orgId } = await createTestOrg("Automation stop");
    await createAutomationRule(ctx, { name: "Notify", event: "conversation_created", actions: [{ type: "call_webhook", url }] });

    const first = startAutomationWorker({ organizationIds: [orgId], pollMs: 50 });
    workers.push(first);
    const { conversation } = await createConversation(ctx, { subject: "Stopped mid-run", user_email: "stop@example.test" });
    await eventually(() => expect(calls).toBe(1));
    const stoppedAt = Date.now();
    await first.stop({ graceMs: 100 });
    // Well under the call's own 15 s time-out (the stop did not wait for it), with room for a loaded machine.
    expect(Date.now() - stoppedAt).toBeLessThan(5_000);
    const [job] = await jobsOf(orgId);
    expect(job).toMatchObject({ lockedUntil: null, attempts: 1, failedAt: null });

    workers.push(startAutomationWorker({ organizationIds: [orgId], pollMs: 50 }));
    await eventually(async () => expect(await jobsOf(orgId)).toEqual([]), 10_000);
    expect(calls).toBe(2);
    const runs = await automationRuns(orgId, conversation.id);
    expect(runs.map((r) => r.data)).toEqual([expect.objectContaining({ actions: [expect.stringMatching(/^called webhook 127\.0\.0\.1:\d+ \(HTTP 200\)$/)] })]);
  });
});
