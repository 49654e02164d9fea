import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { resolveConversation } from "../conversations/resolve-conversation";
import { rateConversation } from "../ratings/rate-conversation";
import { createReportsOrg, customerConversation, customerWrites, reply } from "./testing";

type Fact = { conversation_id: string; kind: string; seconds: number | null; business_seconds: number | null; score: number | null; agent_id: string | null };

const snapshot = (orgId: string) =>
  rows<Fact>(sql`select conversation_id, kind, seconds, business_seconds, score, agent_id from reporting_facts
    where organization_id = ${orgId} and kind <> 'conversation_created'
      and (kind <> 'rating' or id in (select max(id) from reporting_facts where organization_id = ${orgId} and kind = 'rating' group by conversation_id))
    order by conversation_id, kind, seconds`);

describe("dexra_report_backfill", () => {
  it("writes the same facts from stored history as were written live, and the same roll-up", async () => {
    const org = await createReportsOrg();
    const a = await customerConversation(org.ctx, "Backfill A", 5000);
    const b = await customerConversation(org.ctx, "Backfill B", 3000);
    await reply(org.agentCtx, a.id);
    await customerWrites(org.ctx, a.id, "backfill-a@example.test");
    await reply(org.ctx, a.id);
    await resolveConversation(org.ctx, a.id);
    await customerWrites(org.ctx, a.id, "backfill-a@example.test", "again");
    await resolveConversation(org.ctx, a.id);
    await rateConversation(org.ctx, a.id, { score: 1 });
    await rateConversation(org.ctx, a.id, { score: 4 });
    await reply(org.agentCtx, b.id);

    const live = await snapshot(org.orgId);
    const [liveDaily] = await rows<{ n: number }>(sql`select sum(count)::int as n from reporting_daily where organization_id = ${org.orgId}`);
    await db.execute(sql`delete from reporting_facts where organization_id = ${org.orgId}`);
    const [result] = await rows<{ inserted: number }>(sql`select dexra_report_backfill(${org.orgId}) as inserted`);
    expect(result!.inserted).toBeGreaterThan(0);
    // Run twice: conversations that have facts are left alone.
    await db.execute(sql`select dexra_report_backfill(${org.orgId})`);
    expect(await snapshot(org.orgId)).toEqual(live);
    const [daily] = await rows<{ n: number }>(sql`select sum(count)::int as n from reporting_daily where organization_id = ${org.orgId}`);
    expect(daily!.n).toBe(liveDaily!.n);
  });
});
