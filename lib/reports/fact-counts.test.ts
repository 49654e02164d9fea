import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { agents } from "@/db/schema";
import { createAgent } from "../agents/create-agent";
import { assignConversation } from "../conversations/assign-conversation";
import { createTeam } from "../teams/manage-teams";
import { TEST_PASSWORD } from "../testing/test-org";
import { breakdown } from "./breakdown";
import { resolveReportScope, type ReportScope } from "./range";
import { summarize } from "./summary";
import { timeseries } from "./timeseries";
import { createReportsOrg, customerConversation, reply } from "./testing";

/** The roll-up's rows for an organization, summed per kind, team and agent (what whole-day reports read). */
const rollup = (orgId: string) =>
  rows<{ kind: string; team_id: string | null; agent_id: string | null; n: number }>(
    sql`select kind, team_id, agent_id, sum(count)::int as n from reporting_daily where organization_id = ${orgId} group by 1, 2, 3 having sum(count) <> 0 order by 1, 2, 3`,
  );
const fromFacts = (orgId: string) =>
  rows<{ kind: string; team_id: string | null; agent_id: string | null; n: number }>(
    sql`select kind, team_id, agent_id, count(*)::int as n from reporting_facts where organization_id = ${orgId} and kind <> 'rating' group by 1, 2, 3 order by 1, 2, 3`,
  );

describe("counts from the daily roll-up", () => {
  it("credit a creation to the conversation's current owner, and whole days (roll-up) agree with partial days (facts)", async () => {
    const org = await createReportsOrg();
    const billing = await createTeam(org.ctx, { name: "Billing" });
    const sam = await createAgent(org.orgId, { email: `sam-${org.orgId.slice(0, 8)}@example.test`, password: TEST_PASSWORD, role: "agent", name: "Sam" });
    const moved = await customerConversation(org.ctx, "Refund please");
    const stays = await customerConversation(org.ctx, "Password reset");
    await reply(org.agentCtx, stays.id);
    await assignConversation(org.ctx, moved.id, { team: billing.id });
    await assignConversation(org.ctx, moved.id, { agent: { id: sam.id } });

    // Whole local days (the roll-up answers) and an odd range of the same facts (the facts answer) agree.
    const days = await resolveReportScope(org.ctx, { business_hours: false, from: new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10), to: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10) });
    const odd: ReportScope = { ...days, from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 60_000) };
    for (const scope of [days, odd]) {
      expect((await summarize({ ...scope, teamId: billing.id })).conversations_created).toBe(1);
      expect((await summarize({ ...scope, agentId: sam.id })).conversations_created).toBe(1);
      expect((await summarize(scope)).conversations_created).toBe(2);
      const agentsTable = await breakdown(scope, "agent");
      expect(agentsTable.find((r) => r.id === org.agent.id)).toMatchObject({ replies: 1, first_responses: 1 });
    }
    const chart = await timeseries({ ...days, teamId: billing.id }, "conversations_created", "day");
    expect(chart.points.reduce((n, p) => n + (p.value ?? 0), 0)).toBe(1);

    // The roll-up follows its facts: reassignment, and an agent deleted (facts' agent set to null).
    expect(await rollup(org.orgId)).toEqual(await fromFacts(org.orgId));
    await db.execute(sql`update conversations set assignee_id = null where id = ${moved.id}`);
    await db.delete(agents).where(eq(agents.id, sam.id));
    expect(await rollup(org.orgId)).toEqual(await fromFacts(org.orgId));
    expect((await summarize({ ...days, agentId: sam.id })).conversations_created).toBe(0);
    // A conversation deleted takes its facts and their share of the roll-up with it.
    await db.execute(sql`delete from conversations where id = ${stays.id}`);
    expect(await rollup(org.orgId)).toEqual(await fromFacts(org.orgId));
    expect((await summarize(days)).conversations_created).toBe(1);
  });
});
