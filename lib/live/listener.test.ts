import { describe, expect, it } from "vitest";
import { createConversation } from "../conversations/create-conversation";
import { createTestOrg } from "../testing/test-org";
import { subscribeLive } from "./listener";
import { presenceSnapshot } from "./presence-store";
import { publishPresence } from "./publish-presence";
import type { LiveMessage } from "./types";

const waitFor = (received: LiveMessage[], match: (m: LiveMessage) => boolean) =>
  expect.poll(() => received.some(match), { timeout: 5_000 }).toBe(true);

describe("live signals over LISTEN dexra_live", () => {
  it("hears committed changes of the organization, and presence, through one shared listener", async () => {
    const { ctx, owner } = await createTestOrg();
    const received: LiveMessage[] = [];
    const stop = await subscribeLive((m) => received.push(m));
    const { conversation } = await createConversation(ctx, { subject: "Live", description: "hi" });
    await waitFor(received, (m) => m.orgId === ctx.orgId && m.conversationId === conversation.id && m.type === "message_in");

    await publishPresence(ctx, { id: owner.id, name: owner.name }, conversation.id, "typing");
    await waitFor(received, (m) => m.type === "presence" && m.conversationId === conversation.id);
    expect(presenceSnapshot(ctx.orgId)).toEqual([expect.objectContaining({ agentId: owner.id, state: "typing" })]);
    await publishPresence(ctx, { id: owner.id, name: owner.name }, conversation.id, "left");
    await expect.poll(() => presenceSnapshot(ctx.orgId)).toEqual([]);
    stop();
  });

  it("refuses presence on another organization's conversation", async () => {
    const a = await createTestOrg("A");
    const b = await createTestOrg("B");
    const { conversation } = await createConversation(a.ctx, { subject: "Not yours" });
    await expect(publishPresence(b.ctx, { id: b.owner.id, name: "B" }, conversation.id, "viewing")).rejects.toMatchObject({ status: 404 });
  });
});
