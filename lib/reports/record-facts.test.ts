import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { reportingFacts } from "@/db/schema";
import { resolveConversation, reopenConversation } from "../conversations/resolve-conversation";
import { createMessage } from "../messages/create-message";
import { rateConversation } from "../ratings/rate-conversation";
import { createReportsOrg, customerConversation, customerWrites, reply } from "./testing";

const factsOf = (conversationId: string) =>
  db.select().from(reportingFacts).where(eq(reportingFacts.conversationId, conversationId)).orderBy(reportingFacts.id);

describe("reporting facts", () => {
  it("records creation, first response (not a note), each reply's wait, resolution, reopen and rating as they happen", async () => {
    const org = await createReportsOrg();
    const conversation = await customerConversation(org.ctx, "Where is my parcel", 7200);
    expect((await factsOf(conversation.id)).map((f) => f.kind)).toEqual(["conversation_created"]);

    await createMessage(org.agentCtx, conversation.id, { body: "internal", message_type: "note" });
    expect((await factsOf(conversation.id)).map((f) => f.kind)).toEqual(["conversation_created"]);

    await reply(org.agentCtx, conversation.id);
    let facts = await factsOf(conversation.id);
    const first = facts.find((f) => f.kind === "first_response")!;
    expect(first.agentId).toBe(org.agent.id);
    expect(first.seconds).toBeGreaterThanOrEqual(7200);
    expect(first.seconds).toBeLessThan(7260);
    // No business hours configured: always open, so business time is wall-clock time.
    expect(first.businessSeconds).toBe(first.seconds);
    expect(facts.find((f) => f.kind === "reply")!.seconds).toBeGreaterThanOrEqual(7200);

    // A second reply with nothing new from the customer has no wait; a first response is written once.
    await reply(org.agentCtx, conversation.id, "One more thing");
    facts = await factsOf(conversation.id);
    expect(facts.filter((f) => f.kind === "first_response")).toHaveLength(1);
    expect(facts.filter((f) => f.kind === "reply")).toHaveLength(1);

    await customerWrites(org.ctx, conversation.id, "where-is-my-parcel@example.test");
    await reply(org.ctx, conversation.id);
    facts = await factsOf(conversation.id);
    expect(facts.filter((f) => f.kind === "reply")).toHaveLength(2);
    expect(facts.at(-1)!.seconds).toBeLessThan(60);

    await resolveConversation(org.ctx, conversation.id);
    await customerWrites(org.ctx, conversation.id, "where-is-my-parcel@example.test", "Still broken");
    await resolveConversation(org.ctx, conversation.id);
    await rateConversation(org.ctx, conversation.id, { score: 2 });
    await rateConversation(org.ctx, conversation.id, { score: 5, comment: "Sorted in the end" });
    facts = await factsOf(conversation.id);
    expect(facts.map((f) => f.kind).slice(-5)).toEqual(["resolved", "reopened", "resolved", "rating", "rating"]);
    expect(facts.at(-1)).toMatchObject({ score: 5, detail: "Sorted in the end" });
    expect(facts.find((f) => f.kind === "resolved")!.seconds).toBeGreaterThanOrEqual(7200);
  });

  it("computes business seconds with the organization's hours, holidays and time zone", async () => {
    const org = await createReportsOrg();
    // Open every day 00:00-12:00 UTC except today (a holiday): a conversation two days old has 24 business hours.
    const day = { open: "00:00", close: "12:00" };
    const today = new Date().toISOString().slice(0, 10);
    await db.execute(sql`update organizations set time_zone = 'UTC', holidays = ${JSON.stringify([today])}::jsonb,
      business_hours = ${JSON.stringify({ mon: [day], tue: [day], wed: [day], thu: [day], fri: [day], sat: [day], sun: [day] })}::jsonb
      where id = ${org.orgId}`);
    const twoDaysAgo = new Date(new Date(`${today}T00:00:00Z`).getTime() - 2 * 86_400_000).toISOString();
    const conversation = await customerConversation(org.ctx, "Two days old");
    await db.execute(sql`update conversations set created_at = ${twoDaysAgo}::timestamptz where id = ${conversation.id}`);
    await db.execute(sql`update messages set created_at = ${twoDaysAgo}::timestamptz where conversation_id = ${conversation.id}`);
    await reply(org.agentCtx, conversation.id);
    const first = (await factsOf(conversation.id)).find((f) => f.kind === "first_response")!;
    expect(first.businessSeconds).toBe(24 * 3600);
    expect(first.seconds).toBeGreaterThan(48 * 3600);
  });

  it("keeps the daily roll-up equal to the facts it sums, and a rollback leaves neither", async () => {
    const org = await createReportsOrg();
    for (const subject of ["One", "Two", "Three"]) await reply(org.agentCtx, (await customerConversation(org.ctx, subject, 600)).id);
    await expect(reply(org.agentCtx, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "not_found" });
    const [rolled] = await rows<{ kind: string; count: number; seconds: number }>(
      sql`select sum(count)::int as count, sum(seconds_sum)::int as seconds from reporting_daily where organization_id = ${org.orgId} and kind = 'first_response'`,
    );
    const [counted] = await rows<{ count: number; seconds: number }>(
      sql`select count(*)::int as count, sum(seconds)::int as seconds from reporting_facts where organization_id = ${org.orgId} and kind = 'first_response'`,
    );
    expect(rolled).toEqual(counted);
    expect(counted!.count).toBe(3);
  });
});
