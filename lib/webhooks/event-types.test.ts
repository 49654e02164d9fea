import { afterEach, describe, expect, it } from "vitest";
import { claimConversation } from "../conversations/claim-conversation";
import { createConversation } from "../conversations/create-conversation";
import { resolveConversation } from "../conversations/resolve-conversation";
import { updateConversation } from "../conversations/update-conversation";
import { updateEndUser } from "../end-users/update-end-user";
import { CONVERSATION_EVENT_TYPES } from "../events/types";
import { createMessage } from "../messages/create-message";
import { rateConversation } from "../ratings/rate-conversation";
import { createSlaPolicy } from "../sla/manage-policies";
import { markSlaBreaches } from "../sla/mark-breaches";
import { createTestOrg } from "../testing/test-org";
import { eventually, startWebhookReceiver, type WebhookReceiver } from "../testing/webhook-receiver";
import { createWebhookEndpoint } from "./endpoints";
import { startWebhookWorker } from "./worker";

let receiver: WebhookReceiver;
let worker: ReturnType<typeof startWebhookWorker>;
afterEach(async () => {
  await worker?.stop();
  await receiver?.close();
});

describe("event types", () => {
  it("every event type in API.md reaches a subscriber, signed, in per-conversation sequence order", async () => {
    process.env.DEXRA_WEBHOOK_ALLOW_PRIVATE = "1";
    const { ctx, orgId, owner } = await createTestOrg();
    receiver = await startWebhookReceiver();
    const endpoint = await createWebhookEndpoint(ctx, { url: receiver.url });
    receiver.trust(endpoint.secret);
    worker = startWebhookWorker({ organizationIds: [orgId], pollMs: 50 });

    await createSlaPolicy(ctx, { name: "Resolve in a minute", resolution_minutes: "1", business_hours: false });
    const { conversation } = await createConversation(ctx, { subject: "Everything", user_email: "eve@example.test", description: "Hi there" });
    await createMessage(ctx, conversation.id, { body: "Hello Eve", user_email: owner.email });
    await createMessage(ctx, conversation.id, { body: "VIP customer", user_email: owner.email, message_type: "note" });
    await claimConversation(ctx, conversation.id, { email: owner.email });
    await updateConversation(ctx, conversation.id, { status: "pending" });
    await markSlaBreaches(new Date(Date.now() + 5 * 60_000), { organizationIds: [orgId] });
    await resolveConversation(ctx, conversation.id);
    await updateEndUser(ctx, conversation.requester.id, { first_name: "Eve" });
    await rateConversation(ctx, conversation.id, { score: 5 });

    await eventually(() => expect(new Set(receiver.received.map((r) => r.body.type))).toEqual(new Set(CONVERSATION_EVENT_TYPES)));
    expect(receiver.received.every((r) => r.verifiedWith.length === 1)).toBe(true);
    const sequences = receiver.received
      .filter((r) => r.body.type !== "user_updated")
      .map((r) => r.body.data.sequence as number)
      .sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: sequences.length }, (_, i) => i + 1));
    const outbound = receiver.received.find((r) => r.body.type === "message_out")!;
    expect(outbound.body.data).toMatchObject({ conversation_id: conversation.id, message_text: "Hello Eve" });
  });
});
