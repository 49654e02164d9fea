import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { activities, conversations, events } from "@/db/schema";
import { createAgent } from "../agents/create-agent";
import { createMessage } from "../messages/create-message";
import { listMessages } from "../messages/list-messages";
import { createTestOrg, TEST_PASSWORD } from "../testing/test-org";
import { assignConversation } from "./assign-conversation";
import { claimConversation } from "./claim-conversation";
import { createConversation } from "./create-conversation";
import { listActivity } from "./list-activity";
import { reopenConversation, resolveConversation, snoozeConversation } from "./resolve-conversation";
import { addTag, removeTag } from "./tags";
import { updateConversation } from "./update-conversation";
import { wakeSnoozedConversations } from "./wake-snoozed";

async function setup() {
  const org = await createTestOrg();
  const sarah = await createAgent(org.orgId, { email: `sarah-${org.orgId.slice(0, 6)}@example.test`, name: "Sarah Connor", password: TEST_PASSWORD });
  const alex = await createAgent(org.orgId, { email: `alex-${org.orgId.slice(0, 6)}@example.test`, name: "Alex Agent", password: TEST_PASSWORD });
  const { conversation } = await createConversation(org.ctx, { subject: "Order late", user_email: "jane@example.test", description: "Where is it?" });
  return { ...org, sarah, alex, conversation };
}

const eventTypes = async (orgId: string, conversationId: string) =>
  (await db.select().from(events).where(and(eq(events.organizationId, orgId), eq(events.conversationId, conversationId))).orderBy(asc(events.seq))).map((e) => e.type);

describe("claimConversation", () => {
  it("of two concurrent claims with force false, exactly one wins and the other is 409 naming the winner", async () => {
    const { ctx, sarah, alex, conversation } = await setup();
    const results = await Promise.allSettled([
      claimConversation(ctx, conversation.id, { email: sarah.email, force: false }),
      claimConversation(ctx, conversation.id, { email: alex.email, force: false }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = (won[0] as PromiseFulfilledResult<{ assignee: { name: string } }>).value.assignee.name;
    expect(lost[0]!.reason).toMatchObject({ code: "already_assigned", status: 409, message: `Already assigned to ${winner}` });
    const claims = await db.select().from(activities).where(and(eq(activities.conversationId, conversation.id), eq(activities.action, "claimed")));
    expect(claims).toHaveLength(1);
  });

  it("force (the default) takes over an assigned conversation and emits conversation_claimed", async () => {
    const { ctx, sarah, alex, conversation } = await setup();
    await claimConversation(ctx, conversation.id, { email: sarah.email });
    const taken = await claimConversation(ctx, conversation.id, { id: alex.id });
    expect(taken.assignee).toMatchObject({ id: alex.id, name: "Alex Agent" });
    expect((await eventTypes(ctx.orgId, conversation.id)).filter((t) => t === "conversation_claimed")).toHaveLength(2);
  });

  it("an unknown agent is a 400 and another organization's conversation is a 404", async () => {
    const { ctx, sarah, conversation } = await setup();
    const other = await createTestOrg();
    await expect(claimConversation(ctx, conversation.id, { email: "nobody@example.test" })).rejects.toMatchObject({ status: 400 });
    await expect(claimConversation(other.ctx, conversation.id, { email: sarah.email })).rejects.toMatchObject({ status: 404 });
  });
});

describe("createMessage", () => {
  it("a requester's reply is inbound and reopens a closed conversation", async () => {
    const { ctx, conversation } = await setup();
    await resolveConversation(ctx, conversation.id);
    const message = await createMessage(ctx, conversation.id, { body: "Still broken", user_email: "JANE@example.test" });
    expect(message).toMatchObject({ direction: "inbound", sender_type: "user", message_type: "reply" });
    const [row] = await db.select().from(conversations).where(eq(conversations.id, conversation.id));
    expect(row!.status).toBe("open");
    expect(row!.resolvedAt).toBeNull();
    expect(await eventTypes(ctx.orgId, conversation.id)).toEqual([
      "conversation_created", "message_in", "conversation_status_changed", "conversation_resolved", "message_in", "conversation_status_changed",
    ]);
  });

  it("an agent's reply is outbound, a note only from agents, anyone else is 400", async () => {
    const { ctx, sarah, conversation } = await setup();
    await expect(createMessage(ctx, conversation.id, { body: "On it", user_email: sarah.email })).resolves.toMatchObject({ direction: "outbound", sender_type: "agent" });
    await expect(createMessage(ctx, conversation.id, { body: "VIP", user_email: sarah.email, message_type: "note" })).resolves.toMatchObject({ message_type: "note" });
    await expect(createMessage(ctx, conversation.id, { body: "hi", user_email: "jane@example.test", message_type: "note" })).rejects.toMatchObject({ status: 400 });
    await expect(createMessage(ctx, conversation.id, { body: "hi", user_email: "stranger@example.test" })).rejects.toMatchObject({ status: 400 });
    // A signed-in agent (the inbox) sends as themselves without naming a sender.
    await expect(createMessage(ctx, conversation.id, { body: "From the inbox" })).resolves.toMatchObject({ direction: "outbound", sender_type: "agent" });
  });

  it("end users never see notes", async () => {
    const { ctx, sarah, conversation } = await setup();
    await createMessage(ctx, conversation.id, { body: "secret", user_email: sarah.email, message_type: "note" });
    const endUserCtx = { orgId: ctx.orgId, actor: { type: "end_user" as const, id: conversation.requester.id, name: "jane" } };
    expect((await listMessages(endUserCtx, conversation.id)).results.map((m) => m.body)).toEqual(["Where is it?"]);
    expect((await listMessages(ctx, conversation.id)).count).toBe(2);
  });
});

describe("status, assignment, tags and PATCH", () => {
  it("resolve closes with resolved_at, reopen opens, snooze wakes up as open", async () => {
    const { ctx, conversation } = await setup();
    const closed = await resolveConversation(ctx, conversation.id);
    expect(closed.status).toBe("closed");
    expect(closed.resolved_at).not.toBeNull();
    expect((await reopenConversation(ctx, conversation.id)).status).toBe("open");
    const snoozed = await snoozeConversation(ctx, conversation.id, { until: new Date(Date.now() + 60_000) });
    expect(snoozed.status).toBe("snoozed");
    await wakeSnoozedConversations(new Date(Date.now() + 120_000));
    const [row] = await db.select().from(conversations).where(eq(conversations.id, conversation.id));
    expect(row!.status).toBe("open");
    const log = await listActivity(ctx, conversation.id);
    expect(log.results.map((a) => a.action)).toEqual(["created", "message", "status_changed", "status_changed", "snoozed", "status_changed"]);
    expect(log.results.at(-1)!.actor).toMatchObject({ type: "system" });
  });

  it("assign sets and clears the assignee; tags are created on first use and removed by name", async () => {
    const { ctx, sarah, conversation } = await setup();
    expect((await assignConversation(ctx, conversation.id, { agent: { email: sarah.email } })).assignee?.name).toBe("Sarah Connor");
    expect((await assignConversation(ctx, conversation.id, { agent: null })).assignee).toBeNull();
    expect((await addTag(ctx, conversation.id, "VIP")).tags).toEqual(["VIP"]);
    expect((await addTag(ctx, conversation.id, "vip")).tags).toEqual(["VIP"]);
    expect((await addTag(ctx, conversation.id, "billing")).tags).toEqual(["billing", "VIP"].sort());
    expect((await removeTag(ctx, conversation.id, "vip")).tags).toEqual(["billing"]);
  });

  it("PATCH changes only what is sent, merges custom attributes (null deletes) and refuses unknown fields", async () => {
    const { ctx, sarah, conversation } = await setup();
    await updateConversation(ctx, conversation.id, { custom_attributes: { plan: "pro", seats: 3 } });
    const patched = await updateConversation(ctx, conversation.id, {
      priority: "urgent",
      assignee_email: sarah.email,
      tags: ["a", "b"],
      custom_attributes: { seats: null, region: "eu" },
    });
    expect(patched).toMatchObject({ priority: "urgent", subject: "Order late", tags: ["a", "b"], custom_attributes: { plan: "pro", region: "eu" } });
    expect(patched.assignee?.email).toBe(sarah.email);
    await expect(updateConversation(ctx, conversation.id, { number: 7 } as never)).rejects.toThrow();
    await expect(updateConversation(ctx, conversation.id, { status: "bogus" } as never)).rejects.toThrow();
  });
});
