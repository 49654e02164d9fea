import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callRoute } from "@/lib/api/testing/call-route";
import { createConversation } from "@/lib/conversations/create-conversation";
import { createTestOrg } from "@/lib/testing/test-org";
import { eventually, startWebhookReceiver, type WebhookReceiver } from "@/lib/testing/webhook-receiver";
import { eventPageSchema, webhookDeliveryResponseSchema, webhookEndpointResponseSchema, webhookEndpointWithSecretSchema } from "@/lib/webhooks/openapi";
import { startWebhookWorker } from "@/lib/webhooks/worker";
import * as eventsFeed from "./events/route";
import * as redeliver from "./webhooks/[id]/deliveries/[deliveryId]/redeliver/route";
import * as deliveries from "./webhooks/[id]/deliveries/route";
import * as rotate from "./webhooks/[id]/rotate-secret/route";
import * as one from "./webhooks/[id]/route";
import * as test from "./webhooks/[id]/test/route";
import * as hooks from "./webhooks/route";

let receiver: WebhookReceiver;
beforeAll(async () => {
  process.env.DEXRA_WEBHOOK_ALLOW_PRIVATE = "1";
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());

describe("/api/v1/webhooks/", () => {
  it("creates (201, secret once), lists, reads, updates and deletes an endpoint", async () => {
    const { serverKey: key } = await createTestOrg();
    const created = await callRoute(hooks.POST, "POST", "/api/v1/webhooks/", { key, body: { url: receiver.url, events: ["message_in"] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url: receiver.url, events: ["message_in"], enabled: true, secret: expect.stringMatching(/^whsec_/) });
    webhookEndpointWithSecretSchema.parse(created.body);
    const id = created.body.id;
    const list = await callRoute(hooks.GET, "GET", "/api/v1/webhooks/", { key });
    expect(list.body).toEqual({ count: 1, results: [expect.not.objectContaining({ secret: expect.anything() })] });
    const patched = await callRoute(one.PATCH, "PATCH", `/api/v1/webhooks/${id}/`, { key, params: { id }, body: { events: ["*"], enabled: false } });
    expect(patched.body).toMatchObject({ events: ["*"], enabled: false });
    webhookEndpointResponseSchema.parse(patched.body);
    const rotated = await callRoute(rotate.POST, "POST", `/api/v1/webhooks/${id}/rotate-secret/`, { key, params: { id }, body: {} });
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    expect((await callRoute(one.DELETE, "DELETE", `/api/v1/webhooks/${id}/`, { key, params: { id } })).body).toEqual({ id, deleted: true });
    expect((await callRoute(one.GET, "GET", `/api/v1/webhooks/${id}/`, { key, params: { id } })).status).toBe(404);
  });

  it("answers bad input with 400 and client keys with 403", async () => {
    const { serverKey: key, clientKey } = await createTestOrg();
    const bad = [{ url: "not a url" }, { url: receiver.url, events: ["nope"] }, { url: receiver.url, secret: "mine" }, { events: ["*"] }];
    for (const body of bad) {
      const res = await callRoute(hooks.POST, "POST", "/api/v1/webhooks/", { key, body });
      expect([res.status, res.body.error.code]).toEqual([400, "validation_error"]);
    }
    delete process.env.DEXRA_WEBHOOK_ALLOW_PRIVATE;
    const privateTarget = await callRoute(hooks.POST, "POST", "/api/v1/webhooks/", { key, body: { url: "http://localhost:9/x" } });
    process.env.DEXRA_WEBHOOK_ALLOW_PRIVATE = "1";
    expect([privateTarget.status, privateTarget.body.error.code]).toEqual([400, "validation_error"]);
    const asClient = await callRoute(hooks.GET, "GET", "/api/v1/webhooks/", { key: clientKey });
    expect(asClient.status).toBe(403);
    expect((await callRoute(eventsFeed.GET, "GET", "/api/v1/events/?after=zzz", { key })).status).toBe(400);
  });

  it("a missed delivery is recoverable from /api/v1/events/, redelivered, and its attempts listed", async () => {
    const org = await createTestOrg();
    const key = org.serverKey;
    const worker = startWebhookWorker({ schedule: [0, 20, 20], timeoutMs: 1000, leaseMs: 5000, pollMs: 50, organizationIds: [org.orgId] });
    try {
      const created = await callRoute(hooks.POST, "POST", "/api/v1/webhooks/", { key, body: { url: receiver.url } });
      const id = created.body.id;
      receiver.trust(created.body.secret);
      const failedIds: string[] = [];
      receiver.respond((_n, webhookId) => (failedIds.push(webhookId), { status: 500, body: "<h1>down</h1>" }));
      await createConversation(org.ctx, { subject: "Lost?", user_email: "lost@example.test" });
      const listed = await eventually(async () => {
        const res = await callRoute(deliveries.GET, "GET", `/api/v1/webhooks/${id}/deliveries/`, { key, params: { id } });
        expect(res.body.results[0]).toMatchObject({ status: "failed", attempt_count: 3, event_type: "conversation_created" });
        return res.body;
      });
      expect(listed).toMatchObject({ count: 1, next: null, previous: null });
      webhookDeliveryResponseSchema.parse(listed.results[0]);
      expect(listed.results[0].attempts.map((a: { response_body: string }) => a.response_body)).toEqual(["<h1>down</h1>", "<h1>down</h1>", "<h1>down</h1>"]);

      // The receiver catches up from the feed: the same ids as webhook-id, the same envelope.
      const feed = await eventually(async () => {
        const res = await callRoute(eventsFeed.GET, "GET", "/api/v1/events/", { key });
        expect(res.body.results).toHaveLength(1);
        return res.body;
      });
      eventPageSchema.parse(feed);
      expect(feed.results[0]).toMatchObject({ id: failedIds[0], type: "conversation_created", organization_id: org.orgId, data: { sequence: 1 } });

      receiver.respond(() => ({ status: 204 }));
      const deliveryId = listed.results[0].id;
      const again = await callRoute(redeliver.POST, "POST", `/api/v1/webhooks/${id}/deliveries/${deliveryId}/redeliver/`, { key, params: { id, deliveryId } });
      expect(again.status).toBe(202);
      await eventually(() => expect(receiver.received.filter((r) => r.id === failedIds[0])).toHaveLength(1));
      expect(receiver.received.find((r) => r.id === failedIds[0])!.body).toEqual(feed.results[0]);

      const ping = await callRoute(test.POST, "POST", `/api/v1/webhooks/${id}/test/`, { key, params: { id } });
      expect([ping.status, ping.body.event_type]).toEqual([202, "webhook_test"]);
      await eventually(() => expect(receiver.received.some((r) => r.body.type === "webhook_test")).toBe(true));
      const after = await callRoute(eventsFeed.GET, "GET", `/api/v1/events/?after=${feed.next_cursor}`, { key });
      expect(after.body.results).toEqual([]);
    } finally {
      await worker.stop();
    }
  });
});
