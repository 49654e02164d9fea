import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { endUsers, organizations } from "@/db/schema";
import { createConversation, createConversationInTx } from "../conversations/create-conversation";
import { changeStatus } from "../conversations/change-status";
import { getConversation, lockConversationOrThrow } from "../conversations/scope";
import { updateConversation } from "../conversations/update-conversation";
import { emitEvent } from "../events/record";
import { createMessage } from "../messages/create-message";
import { insertMessage } from "../messages/insert-message";
import { eventually } from "../testing/webhook-receiver";
import { createTestOrg } from "../testing/test-org";
import { createAutomationRule, reorderAutomationRules, setAutomationRuleEnabled } from "./manage-rules";
import { ruleCtx } from "./run-job";
import { automationRuns, drainAutomationJobs, jobsOf } from "./testing";
import { startAutomationWorker } from "./worker";

const tagNames = async (ctx: Parameters<typeof getConversation>[0], id: string) =>
  [...(await getConversation(ctx, id)).tags].sort();

let worker: ReturnType<typeof startAutomationWorker> | undefined;
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});

describe("automation queue", () => {
  it("queues a job only when an enabled rule listens to the event", async () => {
    const org = await createTestOrg();
    await createConversation(org.ctx, { subject: "No rules", user_email: "a@example.test" });
    const rule = await createAutomationRule(org.ctx, { name: "On message", event: "message_in", actions: [{ type: "resolve" }] });
    await createConversation(org.ctx, { subject: "Rule for another event", user_email: "a@example.test" });
    await setAutomationRuleEnabled(org.ctx, { id: rule.id, enabled: false });
    const { conversation } = await createConversation(org.ctx, { subject: "Disabled rule", user_email: "a@example.test" });
    await createMessage(org.ctx, conversation.id, { body: "Hello?", user_email: "a@example.test" });
    expect(await jobsOf(org.orgId)).toHaveLength(0);
    await setAutomationRuleEnabled(org.ctx, { id: rule.id, enabled: true });
    await createMessage(org.ctx, conversation.id, { body: "Hello again?", user_email: "a@example.test" });
    expect(await jobsOf(org.orgId)).toMatchObject([{ event: "message_in", conversationId: conversation.id }]);
  });

  it("an auto-reply (mail with Auto-Submitted, marked automated) queues no job: rules never answer robots", async () => {
    const org = await createTestOrg();
    await createAutomationRule(org.ctx, { name: "Ack", event: "message_in", actions: [{ type: "add_tags", tags: ["seen"] }] });
    const { conversation } = await createConversation(org.ctx, { subject: "Mail", user_email: "a@example.test" });
    await db.transaction(async (tx) => {
      const locked = await lockConversationOrThrow(tx, org.ctx, conversation.id);
      await insertMessage(tx, org.ctx, { conversationId: locked.id, body: "I am out of office", type: "reply", direction: "inbound", author: { endUserId: locked.requesterId, email: "a@example.test" }, channel: "email", eventData: { automated: true } });
    });
    expect(await jobsOf(org.orgId)).toHaveLength(0);
    await createMessage(org.ctx, conversation.id, { body: "A real person", user_email: "a@example.test" });
    expect(await jobsOf(org.orgId)).toHaveLength(1);
  });

  it("a conversation started by an automatic mail queues no conversation_created job", async () => {
    const org = await createTestOrg();
    await createAutomationRule(org.ctx, { name: "Greet", event: "conversation_created", actions: [{ type: "add_tags", tags: ["greeted"] }] });
    await createConversation(org.ctx, { subject: "Out of office", user_email: "bot@example.test" }, { automated: true });
    expect(await jobsOf(org.orgId)).toHaveLength(0);
    await createConversation(org.ctx, { subject: "A person", user_email: "a@example.test" });
    expect(await jobsOf(org.orgId)).toHaveLength(1);
  });

  it("a rolled-back change leaves no job", async () => {
    const org = await createTestOrg();
    await createAutomationRule(org.ctx, { name: "Tag", event: "conversation_created", actions: [{ type: "add_tags", tags: ["x"] }] });
    await expect(
      db.transaction(async (tx) => {
        await createConversationInTx(tx, org.ctx, { subject: "Never", user_email: "a@example.test", priority: "normal", channel: "api", metadata: {} });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await jobsOf(org.orgId)).toHaveLength(0);
  });

  it("a rule whose own change would trigger it again runs once: the loop stops", async () => {
    const org = await createTestOrg();
    // On every status change: resolve (itself a status change) and snooze-free tag; a second rule on the same event.
    await createAutomationRule(org.ctx, { name: "Close on pending", event: "status_changed", actions: [{ type: "resolve" }, { type: "add_tags", tags: ["auto"] }] });
    await createAutomationRule(org.ctx, { name: "Urgent on change", event: "status_changed", actions: [{ type: "set_priority", priority: "urgent" }] });
    const { conversation } = await createConversation(org.ctx, { subject: "Loop?", user_email: "a@example.test" });
    await updateConversation(org.ctx, conversation.id, { status: "pending" });
    expect(await jobsOf(org.orgId)).toHaveLength(1);
    await drainAutomationJobs(org.orgId); // throws if jobs kept coming
    expect(await jobsOf(org.orgId)).toHaveLength(0);
    const runs = await automationRuns(org.orgId, conversation.id);
    expect(runs.map((r) => r.actorName)).toEqual(["Automation “Close on pending”", "Automation “Urgent on change”"]);
    expect(await getConversation(org.ctx, conversation.id)).toMatchObject({ status: "closed", priority: "urgent" });
    // And directly: an event recorded as a rule's change queues nothing.
    await db.transaction(async (tx) => {
      const current = await lockConversationOrThrow(tx, org.ctx, conversation.id);
      await changeStatus(tx, ruleCtx(org.orgId, { id: runs[0]!.data.rule_id as string, name: "Close on pending" }), current, "open");
    });
    expect(await jobsOf(org.orgId)).toHaveLength(0);
  });

  it("runs rules in order, each seeing what the ones before it did; reordering changes the outcome", async () => {
    const org = await createTestOrg();
    const tagger = await createAutomationRule(org.ctx, { name: "VIP", event: "conversation_created", conditions: { text_contains: "ceo" }, actions: [{ type: "add_tags", tags: ["vip"] }] });
    const escalate = await createAutomationRule(org.ctx, { name: "Escalate VIP", event: "conversation_created", conditions: { tags: ["VIP"] }, actions: [{ type: "set_priority", priority: "urgent" }] });
    const first = await createConversation(org.ctx, { subject: "Message from the CEO", user_email: "a@example.test" });
    await drainAutomationJobs(org.orgId);
    expect((await getConversation(org.ctx, first.conversation.id)).priority).toBe("urgent");

    await reorderAutomationRules(org.ctx, { ids: [escalate.id, tagger.id] });
    const second = await createConversation(org.ctx, { subject: "Another from the CEO", user_email: "a@example.test" });
    await drainAutomationJobs(org.orgId);
    expect(await getConversation(org.ctx, second.conversation.id)).toMatchObject({ priority: "normal" });
    expect(await tagNames(org.ctx, second.conversation.id)).toEqual(["vip"]);
  });

  it("message_in: text contains (the new message) and requester attribute conditions", async () => {
    const org = await createTestOrg();
    await createAutomationRule(org.ctx, {
      name: "Enterprise outage",
      event: "message_in",
      conditions: { text_contains: "outage", requester_attribute: { key: "plan", value: "enterprise" } },
      actions: [{ type: "set_priority", priority: "urgent" }],
    });
    const { conversation } = await createConversation(org.ctx, { subject: "Question", user_email: "big@example.test" });
    await createMessage(org.ctx, conversation.id, { body: "We have an OUTAGE", user_email: "big@example.test" });
    await drainAutomationJobs(org.orgId);
    expect((await getConversation(org.ctx, conversation.id)).priority).toBe("normal"); // not enterprise yet

    await db.update(endUsers).set({ customAttributes: { plan: "enterprise" } }).where(eq(endUsers.email, "big@example.test"));
    await createMessage(org.ctx, conversation.id, { body: "Still nothing works", user_email: "big@example.test" });
    await drainAutomationJobs(org.orgId);
    expect((await getConversation(org.ctx, conversation.id)).priority).toBe("normal"); // no "outage" in this one
    await createMessage(org.ctx, conversation.id, { body: "The outage continues", user_email: "big@example.test" });
    await drainAutomationJobs(org.orgId);
    expect((await getConversation(org.ctx, conversation.id)).priority).toBe("urgent");
  });

  it("business hours: the organization's schedule decides open / closed rules", async () => {
    const org = await createTestOrg();
    await createAutomationRule(org.ctx, { name: "After hours", event: "conversation_created", conditions: { business_hours: "closed" }, actions: [{ type: "add_tags", tags: ["after-hours"] }] });
    await createAutomationRule(org.ctx, { name: "In hours", event: "conversation_created", conditions: { business_hours: "open" }, actions: [{ type: "add_tags", tags: ["in-hours"] }] });
    const always = await createConversation(org.ctx, { subject: "No schedule: always open", user_email: "a@example.test" });
    await drainAutomationJobs(org.orgId);
    expect(await tagNames(org.ctx, always.conversation.id)).toEqual(["in-hours"]);
    // A schedule with no opening hours at all (and a holiday today for good measure): always closed.
    const never = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    await db.update(organizations).set({ businessHours: never, holidays: [new Date().toISOString().slice(0, 10)] }).where(eq(organizations.id, org.orgId));
    const closed = await createConversation(org.ctx, { subject: "Closed", user_email: "a@example.test" });
    await drainAutomationJobs(org.orgId);
    expect(await tagNames(org.ctx, closed.conversation.id)).toEqual(["after-hours"]);
  });

  it("sla_breached events trigger their rules", async () => {
    const org = await createTestOrg();
    await createAutomationRule(org.ctx, { name: "Breach", event: "sla_breached", actions: [{ type: "add_tags", tags: ["breached"] }] });
    const { conversation } = await createConversation(org.ctx, { subject: "Slow", user_email: "a@example.test" });
    // The SLA breach pass (lib/sla) records its event with recordChange like this.
    await db.transaction((tx) => emitEvent(tx, org.ctx, "sla_breached", { conversation_id: conversation.id, target: "first_response" }, conversation.id));
    await drainAutomationJobs(org.orgId);
    expect(await tagNames(org.ctx, conversation.id)).toEqual(["breached"]);
  });

  it("the worker runs jobs after commit and empties the queue", async () => {
    const org = await createTestOrg();
    worker = startAutomationWorker({ organizationIds: [org.orgId], pollMs: 100 });
    await createAutomationRule(org.ctx, { name: "Refunds", event: "conversation_created", conditions: { text_contains: "refund" }, actions: [{ type: "add_tags", tags: ["refund"] }] });
    const { conversation } = await createConversation(org.ctx, { subject: "I want a refund", user_email: "a@example.test" });
    const other = await createConversation(org.ctx, { subject: "Just saying hi", user_email: "a@example.test" });
    await eventually(async () => expect(await tagNames(org.ctx, conversation.id)).toEqual(["refund"]));
    await eventually(async () => expect(await jobsOf(org.orgId)).toHaveLength(0));
    expect(await tagNames(org.ctx, other.conversation.id)).toEqual([]);
    expect(await automationRuns(org.orgId, other.conversation.id)).toHaveLength(0);
  });
});
