import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { messages, reportingFacts } from "@/db/schema";
import { drainAutomationJobs } from "../automation/testing";
import { createAutomationRule } from "../automation/manage-rules";
import { createCannedReply } from "../canned-replies/manage-canned-replies";
import { listReportConversations } from "./report-conversations";
import { resolveReportScope } from "./range";
import { summarize } from "./summary";
import { createReportsOrg, customerConversation, reply } from "./testing";

const factsOf = (conversationId: string) =>
  db.select().from(reportingFacts).where(eq(reportingFacts.conversationId, conversationId)).orderBy(reportingFacts.id);

describe("an automation rule's canned reply in reports", () => {
  it("is neither the first response nor a reply: the next human reply is both, measured from the customer's message", async () => {
    const org = await createReportsOrg();
    const canned = await createCannedReply(org.ctx, { title: "Ack", shortcut: "ack", body: "Thanks, we got your message.", shared: true });
    await createAutomationRule(org.ctx, { name: "Auto-ack", event: "conversation_created", actions: [{ type: "send_canned_reply", canned_reply_id: canned.id }] });
    const conversation = await customerConversation(org.ctx, "Cannot log in", 3600);
    await drainAutomationJobs(org.orgId);

    // The rule's reply was sent through the queue and is marked as automated.
    const auto = await db.select().from(messages).where(and(eq(messages.conversationId, conversation.id), eq(messages.direction, "outbound")));
    expect(auto.map((m) => [m.body, m.automated])).toEqual([["Thanks, we got your message.", true]]);
    expect((await factsOf(conversation.id)).map((f) => f.kind)).toEqual(["conversation_created"]);

    const human = await reply(org.agentCtx, conversation.id, "Let me reset it for you.");
    const facts = await factsOf(conversation.id);
    expect(facts.map((f) => f.kind)).toEqual(["conversation_created", "first_response", "reply"]);
    for (const fact of facts.slice(1)) {
      expect(fact).toMatchObject({ agentId: org.agent.id, messageId: human.id });
      // Both waits run from the customer's first message an hour ago, not from the auto-reply a moment ago.
      expect(fact.seconds).toBeGreaterThanOrEqual(3600);
      expect(fact.seconds).toBeLessThan(3660);
    }

    const scope = await resolveReportScope(org.ctx, { business_hours: false, from: new Date(Date.now() - 7200_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() });
    const summary = await summarize(scope);
    expect(summary.first_response_seconds.median).toBeGreaterThanOrEqual(3600);
    const [row] = await listReportConversations(scope, "first_response");
    expect(row).toMatchObject({ id: conversation.id, first_response_at: expect.any(String) });
    expect(new Date(row!.first_response_at!).getTime()).toBe(new Date(human.created_at).getTime());

    // Facts written again from stored history (the backfill the migrations run) skip the auto-reply the same way.
    const live = facts.map((f) => [f.kind, f.messageId, f.seconds]);
    await db.execute(sql`delete from reporting_facts where conversation_id = ${conversation.id}`);
    await db.execute(sql`select dexra_report_backfill(${org.orgId})`);
    expect((await factsOf(conversation.id)).map((f) => [f.kind, f.messageId, f.seconds])).toEqual(live);
  });
});
