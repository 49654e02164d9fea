import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { reportingFacts } from "@/db/schema";
import { createAgent } from "../agents/create-agent";
import { assignConversation } from "../conversations/assign-conversation";
import { reopenConversation, resolveConversation } from "../conversations/resolve-conversation";
import { rateConversation } from "../ratings/rate-conversation";
import { TEST_PASSWORD } from "../testing/test-org";
import { breakdown } from "./breakdown";
import { resolveReportScope, type ReportScope } from "./range";
import { listReportConversations } from "./report-conversations";
import { summarize } from "./summary";
import { createReportsOrg, customerConversation } from "./testing";

describe("a conversation resolved or rated twice", () => {
  it("counts once, for its last resolution / latest rating in the range, credited to whoever that names", async () => {
    const org = await createReportsOrg();
    const sam = await createAgent(org.orgId, { email: `sam-${org.orgId.slice(0, 8)}@example.test`, password: TEST_PASSWORD, role: "agent", name: "Sam" });
    const c = await customerConversation(org.ctx, "Printer on fire", 600);
    await assignConversation(org.ctx, c.id, { agent: { id: org.agent.id } });
    await resolveConversation(org.ctx, c.id);
    await rateConversation(org.ctx, c.id, { score: 2 });
    await reopenConversation(org.ctx, c.id);
    await assignConversation(org.ctx, c.id, { agent: { id: sam.id } });
    await resolveConversation(org.ctx, c.id);
    await rateConversation(org.ctx, c.id, { score: 5 });

    const facts = await db.select().from(reportingFacts).where(eq(reportingFacts.conversationId, c.id)).orderBy(reportingFacts.id);
    const [firstResolved, lastResolved] = facts.filter((f) => f.kind === "resolved");
    const [firstRating, lastRating] = facts.filter((f) => f.kind === "rating");
    // Each replaced one names when its successor came; the latest ones none.
    expect(firstResolved!.supersededAt).toEqual(lastResolved!.occurredAt);
    expect(firstRating!.supersededAt).toEqual(lastRating!.occurredAt);
    expect([lastResolved!.supersededAt, lastRating!.supersededAt]).toEqual([null, null]);

    const all = await resolveReportScope(org.ctx, { business_hours: false, from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() });
    const numbers = async (scope: ReportScope) => {
      const s = await summarize(scope);
      const csv = await listReportConversations(scope);
      return { resolved: s.conversations_resolved, rated: s.csat.responses, average: s.csat.average, csvResolved: csv.filter((r) => r.resolved_at).length, csvRated: csv.filter((r) => r.rating !== null).length };
    };
    expect(await numbers(all)).toEqual({ resolved: 1, rated: 1, average: 5, csvResolved: 1, csvRated: 1 });
    expect(await numbers({ ...all, agentId: sam.id })).toEqual({ resolved: 1, rated: 1, average: 5, csvResolved: 1, csvRated: 1 });
    // The first agent's resolution and rating were replaced in this range: not theirs any more (tables add up).
    expect(await numbers({ ...all, agentId: org.agent.id })).toEqual({ resolved: 0, rated: 0, average: null, csvResolved: 0, csvRated: 0 });
    const table = await breakdown(all, "agent");
    expect(table.reduce((n, r) => n + r.resolved, 0)).toBe(1);
    expect(table.find((r) => r.id === sam.id)).toMatchObject({ resolved: 1, csat_responses: 1, csat_average: 5 });

    // A range that ends before the second resolution: the first one is the last in it, with its rating.
    const early = { ...all, to: new Date(firstRating!.occurredAt.getTime() + 1) };
    expect(await numbers(early)).toEqual({ resolved: 1, rated: 1, average: 2, csvResolved: 1, csvRated: 1 });
    expect(await numbers({ ...early, agentId: org.agent.id })).toMatchObject({ resolved: 1, rated: 1 });
  });
});
