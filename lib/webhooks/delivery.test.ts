import { and, asc, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { events, webhookAttempts, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { createConversation } from "../conversations/create-conversation";
import { emitEvent } from "../events/record";
import { eventually, startWebhookReceiver, type WebhookReceiver } from "../testing/webhook-receiver";
import { createTestOrg } from "../testing/test-org";
import { listWebhookDeliveries, redeliverWebhookDelivery } from "./deliveries";
import { createWebhookEndpoint, getWebhookEndpoint, updateWebhookEndpoint } from "./endpoints";
import { rotateWebhookSecret } from "./rotate-webhook-secret";
import { RETRY_SCHEDULE_MS } from "./schedule";
import { RESPONSE_BODY_LOG_CHARS } from "./send-webhook";
import { sendWebhookTestEvent } from "./send-test-event";
import { startWebhookWorker } from "./worker";

// The real worker, each test with its own, on a schedule compressed from minutes to milliseconds.
const FAST_SCHEDULE = [0, 50, 100, 150, 200, 250, 300, 350, 400, 450];
const THOUSAND_TIMES_FASTER = RETRY_SCHEDULE_MS.map((ms) => ms / 1000);
let worker: ReturnType<typeof startWebhookWorker>;
let receiver: WebhookReceiver;

beforeAll(() => {
  process.env.DEXRA_WEBHOOK_ALLOW_PRIVATE = "1";
});
afterEach(async () => {
  await worker?.stop();
  await receiver?.close();
});

async function setUp(events: string[] = ["*"], schedule = FAST_SCHEDULE) {
  const org = await createTestOrg();
  worker = startWebhookWorker({ schedule, timeoutMs: 1000, leaseMs: 5_000, pollMs: 50, organizationIds: [org.orgId] });
  receiver = await startWebhookReceiver();
  const endpoint = await createWebhookEndpoint(org.ctx, { url: receiver.url, events: events as never });
  receiver.trust(endpoint.secret);
  return { ...org, endpoint };
}

const attemptsOf = (deliveryId: string) =>
  db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, deliveryId)).orderBy(asc(webhookAttempts.attempt));

describe("webhook delivery", () => {
  it("3 failures then success: delivered once, 4 attempts logged, same webhook-id throughout", async () => {
    const { ctx, endpoint } = await setUp();
    const ids: string[] = [];
    receiver.respond((n, id) => (ids.push(id), n <= 3 ? { status: 500, body: "boom" } : { status: 200 }));
    const { conversation } = await createConversation(ctx, { subject: "Where is my parcel?", user_email: "jo@example.test" });
    await eventually(() => expect(receiver.received).toHaveLength(1));
    const [hook] = receiver.received;
    expect(hook!.verifiedWith).toEqual([endpoint.secret]);
    expect(hook!.body).toMatchObject({ type: "conversation_created", organization_id: ctx.orgId, data: { sequence: 1, conversation: { id: conversation.id } } });
    expect(new Set(ids)).toEqual(new Set([hook!.body.id]));
    expect(ids).toHaveLength(4);
    const { results } = await listWebhookDeliveries(ctx, endpoint.id);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: "succeeded", attempt_count: 4, event_id: hook!.body.id, last_status_code: 200 });
    expect(results[0]!.attempts.map((a) => [a.attempt, a.status_code, a.error])).toEqual([
      [1, 500, "HTTP 500"],
      [2, 500, "HTTP 500"],
      [3, 500, "HTTP 500"],
      [4, 200, null],
    ]);
    expect(results[0]!.attempts[0]!.latency_ms).toBeGreaterThanOrEqual(0);
    expect((await getWebhookEndpoint(ctx, endpoint.id)).failing_since).toBeNull();
  });

  it("receiver down while 200 events happen, then up: all 200 delivered, none lost, dedupable by id", async () => {
    const { ctx } = await setUp(["*"], THOUSAND_TIMES_FASTER);
    const port = receiver.port;
    await receiver.close();
    for (let i = 0; i < 200; i++) await createConversation(ctx, { subject: `Outage ${i}` });
    await eventually(async () => {
      const failed = await db.select().from(webhookAttempts).where(eq(webhookAttempts.organizationId, ctx.orgId));
      expect(failed.length).toBeGreaterThanOrEqual(200);
    }, 60_000);
    receiver = await startWebhookReceiver(port);
    const emitted = await db.select({ id: events.id }).from(events).where(eq(events.organizationId, ctx.orgId));
    // The next retry of each delivery comes at most one schedule step (seconds here) after the receiver is back.
    await eventually(() => expect(new Set(receiver.received.map((r) => r.id))).toEqual(new Set(emitted.map((e) => e.id))), 75_000);
    expect(receiver.received.every((r) => r.body.id === r.id)).toBe(true);
    const attempts = await db.select().from(webhookAttempts).where(eq(webhookAttempts.organizationId, ctx.orgId));
    expect(attempts.filter((a) => a.statusCode === null && /ECONNREFUSED/.test(a.error ?? "")).length).toBeGreaterThanOrEqual(200);
  }, 150_000);

  it("a rolled-back change sends nothing", async () => {
    const { ctx } = await setUp();
    await expect(
      db.transaction(async (tx) => {
        await emitEvent(tx, ctx, "user_updated", { user: { id: "u1" } });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    await db.transaction((tx) => emitEvent(tx, ctx, "user_updated", { user: { id: "u2" } }));
    await eventually(() => expect(receiver.received).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.received.map((r) => r.body.data)).toEqual([{ user: { id: "u2" } }]);
  });

  it("only subscribed event types are delivered", async () => {
    const { ctx } = await setUp(["message_in"]);
    await createConversation(ctx, { subject: "Hi", description: "Hello there", user_email: "a@example.test" });
    await eventually(() => expect(receiver.received).toHaveLength(1));
    expect(receiver.received[0]!.body).toMatchObject({ type: "message_in", data: { message_text: "Hello there", source_channel: "api", sequence: 2 } });
  });

  it("honours Retry-After on 429 and keeps the response body short in the log", async () => {
    const { ctx, endpoint } = await setUp();
    const times: number[] = [];
    receiver.respond((n) => (times.push(Date.now()), n === 1 ? { status: 429, headers: { "retry-after": "1" }, body: "x".repeat(5000) } : { status: 200 }));
    await db.transaction((tx) => emitEvent(tx, ctx, "user_updated", {}));
    await eventually(() => expect(receiver.received).toHaveLength(1));
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950);
    const [delivery] = (await listWebhookDeliveries(ctx, endpoint.id)).results;
    expect(delivery!.attempts[0]!.response_body).toHaveLength(RESPONSE_BODY_LOG_CHARS);
  });

  it("410 Gone disables the endpoint with a reason; redirects are not followed; slow receivers time out", async () => {
    const { ctx, endpoint } = await setUp();
    receiver.respond((n) =>
      n === 1 ? { status: 302, headers: { location: "http://169.254.169.254/" } } : n === 2 ? { status: 200, delayMs: 1500 } : { status: 410 },
    );
    await db.transaction((tx) => emitEvent(tx, ctx, "user_updated", {}));
    await eventually(async () => expect((await getWebhookEndpoint(ctx, endpoint.id)).enabled).toBe(false));
    const after = await getWebhookEndpoint(ctx, endpoint.id);
    expect(after.disabled_reason).toMatch(/410 Gone/);
    const [delivery] = (await listWebhookDeliveries(ctx, endpoint.id)).results;
    expect(delivery!.status).toBe("failed");
    expect(delivery!.attempts.map((a) => [a.status_code, a.error?.replace(/ to .*/, "")])).toEqual([
      [302, "redirect"],
      [null, "timed out after 1 s"],
      [410, "HTTP 410"],
    ]);
  });

  it("an endpoint failing for 5 days is disabled and says why", async () => {
    const { ctx, endpoint } = await setUp();
    receiver.respond(() => ({ status: 500 }));
    const fiveDaysAgo = new Date(Date.now() - 5 * 86_400_000 - 60_000);
    await db.update(webhookEndpoints).set({ failingSince: fiveDaysAgo }).where(eq(webhookEndpoints.id, endpoint.id));
    await db.transaction((tx) => emitEvent(tx, ctx, "user_updated", {}));
    await eventually(async () => expect((await getWebhookEndpoint(ctx, endpoint.id)).enabled).toBe(false));
    expect((await getWebhookEndpoint(ctx, endpoint.id)).disabled_reason).toMatch(/^Every delivery failed for 5 days \(since \d{4}-\d\d-\d\d .*\); last error: HTTP 500$/);
    // Re-enabling resumes the delivery that was waiting.
    receiver.respond(() => ({ status: 200 }));
    await updateWebhookEndpoint(ctx, endpoint.id, { enabled: true });
    await eventually(() => expect(receiver.received).toHaveLength(1));
  });

  it("after all retries the delivery fails, and a redelivery sends the same webhook-id again", async () => {
    const { ctx, endpoint } = await setUp();
    receiver.respond(() => ({ status: 500 }));
    await db.transaction((tx) => emitEvent(tx, ctx, "user_updated", { n: 1 }));
    await eventually(async () => expect((await listWebhookDeliveries(ctx, endpoint.id)).results[0]).toMatchObject({ status: "failed", attempt_count: 10 }));
    receiver.respond(() => ({ status: 200 }));
    const [delivery] = (await listWebhookDeliveries(ctx, endpoint.id)).results;
    await redeliverWebhookDelivery(ctx, endpoint.id, delivery!.id);
    await eventually(() => expect(receiver.received).toHaveLength(1));
    expect(receiver.received[0]!.id).toBe(delivery!.event_id);
    await eventually(async () => expect((await listWebhookDeliveries(ctx, endpoint.id)).results[0]).toMatchObject({ status: "succeeded", attempt_count: 11 }));
  });

  it("during secret rotation both signatures are sent; each secret verifies", async () => {
    const { ctx, endpoint } = await setUp();
    const rotated = await rotateWebhookSecret(ctx, endpoint.id, { grace_hours: 24 });
    expect(rotated.secret).not.toBe(endpoint.secret);
    expect(rotated.previous_secret_expires_at).not.toBeNull();
    receiver.trust(rotated.secret);
    await sendWebhookTestEvent(ctx, endpoint.id);
    await eventually(() => expect(receiver.received).toHaveLength(1));
    expect(receiver.received[0]!.verifiedWith).toEqual([endpoint.secret, rotated.secret]);
    expect(String(receiver.received[0]!.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(receiver.received[0]!.body.type).toBe("webhook_test");
    await rotateWebhookSecret(ctx, endpoint.id, { grace_hours: 0 });
    await sendWebhookTestEvent(ctx, endpoint.id);
    await eventually(() => expect(receiver.received).toHaveLength(2));
    expect(receiver.received[1]!.verifiedWith).toEqual([]);
  });

  it("refuses a target resolving to 127.0.0.1 at delivery time without the env switch", async () => {
    const { ctx, endpoint } = await setUp();
    await updateWebhookEndpoint(ctx, endpoint.id, { url: receiver.url.replace("127.0.0.1", "localhost") });
    delete process.env.DEXRA_WEBHOOK_ALLOW_PRIVATE;
    try {
      await db.transaction((tx) => emitEvent(tx, ctx, "user_updated", {}));
      const [delivery] = await db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.endpointId, endpoint.id)));
      await eventually(async () => expect(await attemptsOf(delivery!.id)).not.toHaveLength(0));
      const [attempt] = await attemptsOf(delivery!.id);
      expect(attempt!.error).toMatch(/^refused: .*private.*\((127\.0\.0\.1|::1)\)$/);
      expect(receiver.requests).toBe(0);
    } finally {
      process.env.DEXRA_WEBHOOK_ALLOW_PRIVATE = "1";
    }
  });
});
