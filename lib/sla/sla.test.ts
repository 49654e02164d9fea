import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { conversations, type WeeklyHours } from "@/db/schema";
import { drainAutomationJobs } from "../automation/testing";
import { createAutomationRule } from "../automation/manage-rules";
import { createCannedReply } from "../canned-replies/manage-canned-replies";
import { createTeam } from "../teams/manage-teams";
import { resolveConversation } from "../conversations/resolve-conversation";
import { updateConversation } from "../conversations/update-conversation";
import { getReportSummary } from "../reports/summary";
import { createReportsOrg, customerConversation, customerWrites, reply } from "../reports/testing";
import { eventually, startWebhookReceiver, type WebhookReceiver } from "../testing/webhook-receiver";
import { createWebhookEndpoint } from "../webhooks/endpoints";
import { startWebhookWorker } from "../webhooks/worker";
import { createSlaPolicy, deleteSlaPolicy, listSlaPolicies } from "./manage-policies";
import { markSlaBreaches } from "./mark-breaches";

const dueOf = async (id: string) => {
  const [row] = await db
    .select({ first: conversations.firstResponseDueAt, next: conversations.nextResponseDueAt, resolution: conversations.resolutionDueAt, createdAt: conversations.createdAt, policy: conversations.slaPolicyId })
    .from(conversations)
    .where(eq(conversations.id, id));
  return row!;
};
const MIN = 60_000;

let receiver: WebhookReceiver | undefined;
let worker: ReturnType<typeof startWebhookWorker> | undefined;
afterEach(async () => {
  await worker?.stop();
  await receiver?.close();
  worker = undefined;
  receiver = undefined;
});

describe("business-hours due times", () => {
  it("adds opening hours across a weekend and a holiday (fixed timestamps)", async () => {
    const day = [{ open: "09:00", close: "17:00" }];
    const hours: WeeklyHours = { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] };
    const add = async (start: string, seconds: number, holidays: string[] = []) => {
      const [row] = await rows<{ at: string }>(sql`select to_json(dexra_business_add(${start}::timestamptz, ${seconds}, ${JSON.stringify(hours)}::jsonb, ${JSON.stringify(holidays)}::jsonb, 'Europe/Berlin'))#>>'{}' as at`);
      return new Date(row!.at).toISOString();
    };
    // Friday 16:00 Berlin + 4 business hours: 1 h Friday, then Monday 09:00-12:00 → Monday 12:00 Berlin (11:00Z).
    expect(await add("2026-11-27T15:00:00Z", 4 * 3600)).toBe("2026-11-30T11:00:00.000Z");
    // Same with Monday a holiday → Tuesday 12:00 Berlin.
    expect(await add("2026-11-27T15:00:00Z", 4 * 3600, ["2026-11-30"])).toBe("2026-12-01T11:00:00.000Z");
    // Saturday start: the clock starts Monday 09:00.
    expect(await add("2026-11-28T10:00:00Z", 30 * 60)).toBe("2026-11-30T08:30:00.000Z");
  });
});

describe("SLA policies", () => {
  it("give matching conversations due times that follow replies, messages and resolution", async () => {
    const org = await createReportsOrg();
    await createSlaPolicy(org.ctx, { name: "Urgent", priority: "urgent", first_response_minutes: "30", next_response_minutes: "60", resolution_minutes: "240", business_hours: false });
    const normal = await customerConversation(org.ctx, "Normal one");
    expect((await dueOf(normal.id)).policy).toBeNull();

    const c = await customerConversation(org.ctx, "Urgent one");
    await updateConversation(org.ctx, c.id, { priority: "urgent" });
    let due = await dueOf(c.id);
    expect(due.first!.getTime() - due.createdAt.getTime()).toBe(30 * MIN);
    expect(due.resolution!.getTime() - due.createdAt.getTime()).toBe(240 * MIN);
    expect(due.next).toBeNull();

    await reply(org.agentCtx, c.id);
    due = await dueOf(c.id);
    expect(due.first).toBeNull();
    expect(due.next).toBeNull();
    await customerWrites(org.ctx, c.id, "urgent-one@example.test");
    due = await dueOf(c.id);
    expect(due.next!.getTime()).toBeGreaterThan(Date.now() + 59 * MIN);
    await resolveConversation(org.ctx, c.id);
    due = await dueOf(c.id);
    expect(due.resolution).toBeNull();
    expect(due.policy).not.toBeNull();
  });

  it("marks a passed target once, with its fact, activity and sla_breached webhook, even with two passes at once", async () => {
    process.env.DEXRA_WEBHOOK_ALLOW_PRIVATE = "1";
    const org = await createReportsOrg();
    receiver = await startWebhookReceiver();
    const endpoint = await createWebhookEndpoint(org.ctx, { url: receiver.url, events: ["sla_breached"] });
    receiver.trust(endpoint.secret);
    worker = startWebhookWorker({ organizationIds: [org.orgId], pollMs: 50 });
    await createSlaPolicy(org.ctx, { name: "Everyone", first_response_minutes: "5", business_hours: false });
    const c = await customerConversation(org.ctx, "Waiting customer");

    expect(await markSlaBreaches(new Date(), { organizationIds: [org.orgId] })).toBe(0);
    const later = new Date(Date.now() + 10 * MIN);
    const passes = await Promise.all([1, 2, 3].map(() => markSlaBreaches(later, { organizationIds: [org.orgId] })));
    expect(passes.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await markSlaBreaches(later, { organizationIds: [org.orgId] })).toBe(0);

    await eventually(() => expect(receiver!.received.map((r) => r.body.type)).toEqual(["sla_breached"]));
    expect(receiver.received[0]!.body.data).toMatchObject({ conversation_id: c.id, target: "first_response", conversation: { id: c.id } });
    const [activity] = await rows<{ n: number }>(sql`select count(*)::int as n from activities where conversation_id = ${c.id} and action = 'sla_breached'`);
    expect(activity!.n).toBe(1);
    const summary = await getReportSummary(org.ctx, { from: new Date(Date.now() - 3600_000).toISOString(), to: new Date(Date.now() + 3600_000).toISOString() });
    expect(summary.sla).toEqual({ applicable: 1, breached: 1 });
  });

  it("a conversation with nothing to report never takes a pass's place (a pending one's response target)", async () => {
    const org = await createReportsOrg();
    await createSlaPolicy(org.ctx, { name: "Everyone", first_response_minutes: "5", business_hours: false });
    const waiting = await customerConversation(org.ctx, "Waiting on the customer");
    await updateConversation(org.ctx, waiting.id, { status: "pending" });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const open = await customerConversation(org.ctx, "Open and late");
    const later = new Date(Date.now() + 10 * MIN);
    expect(await markSlaBreaches(later, { organizationIds: [org.orgId], batch: 1 })).toBe(1);
    const [breach] = await rows<{ conversation_id: string }>(sql`select conversation_id from activities where organization_id = ${org.orgId} and action = 'sla_breached'`);
    expect(breach!.conversation_id).toBe(open.id);
  });

  it("is not met by an automation rule's canned reply: the first-response target runs until a person answers", async () => {
    const org = await createReportsOrg();
    await createSlaPolicy(org.ctx, { name: "Everyone", first_response_minutes: "5", next_response_minutes: "60", business_hours: false });
    const canned = await createCannedReply(org.ctx, { title: "Ack", shortcut: "ack", body: "We got it.", shared: true });
    await createAutomationRule(org.ctx, { name: "Auto-ack", event: "conversation_created", actions: [{ type: "send_canned_reply", canned_reply_id: canned.id }] });
    const c = await customerConversation(org.ctx, "Auto-acknowledged");
    await drainAutomationJobs(org.orgId);
    const [sent] = await rows<{ n: number }>(sql`select count(*)::int as n from messages where conversation_id = ${c.id} and direction = 'outbound' and automated`);
    expect(sent!.n).toBe(1);

    let due = await dueOf(c.id);
    expect(due.first!.getTime() - due.createdAt.getTime()).toBe(5 * MIN);
    expect(due.next).toBeNull();
    expect(await markSlaBreaches(new Date(Date.now() + 10 * MIN), { organizationIds: [org.orgId] })).toBe(1);
    const [breach] = await rows<{ target: string }>(sql`select data ->> 'target' as target from activities where conversation_id = ${c.id} and action = 'sla_breached'`);
    expect(breach!.target).toBe("first_response");

    await reply(org.agentCtx, c.id);
    due = await dueOf(c.id);
    expect(due.first).toBeNull();
  });

  it("keeps policies and their team references inside the organization", async () => {
    const org = await createReportsOrg();
    const other = await createReportsOrg();
    const theirTeam = await createTeam(other.ctx, { name: "Theirs" });
    await expect(createSlaPolicy(org.ctx, { name: "Sneaky", team_id: theirTeam.id, first_response_minutes: "5" })).rejects.toMatchObject({ code: "not_found" });
    const mine = await createSlaPolicy(org.ctx, { name: "Mine", first_response_minutes: "5" });
    await expect(deleteSlaPolicy(other.ctx, { id: mine.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await listSlaPolicies(other.ctx)).toEqual([]);
    const theirs = await customerConversation(other.ctx, "Not covered");
    expect((await dueOf(theirs.id)).policy).toBeNull();
    await expect(createSlaPolicy(org.agentCtx, { name: "Agent", first_response_minutes: "5" })).rejects.toMatchObject({ code: "not_found" });
    await expect(createSlaPolicy(org.ctx, { name: "No target" })).rejects.toMatchObject({ code: "validation_error" });
  });
});
