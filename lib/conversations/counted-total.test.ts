import { describe, expect, it } from "vitest";
import { db, rows, sql } from "@/db/client";
import { createAgent } from "../agents/create-agent";
import { createTestOrg } from "../testing/test-org";
import { claimConversation } from "./claim-conversation";
import { createConversation } from "./create-conversation";
import { countedTotal } from "./counted-total";
import { listConversations } from "./list-conversations";
import { resolveConversation, snoozeConversation } from "./resolve-conversation";
import { listConversationsQuerySchema } from "./schemas";
import { addTag, removeTag } from "./tags";
import { updateConversation } from "./update-conversation";

/** The count the list would give without counters: rows counted with the same filters, as before. */
async function countedByRows(orgId: string, filter: { status?: string; assignee?: string | null; tag?: string }) {
  const [row] = await rows<{ n: number }>(sql`
    select count(*)::int as n from conversations c where c.organization_id = ${orgId}
      ${filter.status ? sql`and c.status = ${filter.status}` : sql``}
      ${filter.assignee === null ? sql`and c.assignee_id is null` : filter.assignee ? sql`and c.assignee_id = ${filter.assignee}` : sql``}
      ${filter.tag ? sql`and exists (select 1 from conversation_tags ct join tags t on t.id = ct.tag_id where ct.conversation_id = c.id and lower(t.name) = ${filter.tag})` : sql``}`);
  return row!.n;
}

describe("list counts from the maintained counters", () => {
  it("stay exact through creates, claims, status changes, tags, raw SQL writers and deletes", async () => {
    const { ctx, orgId, owner } = await createTestOrg("Counters");
    const agent = await createAgent(orgId, { email: `counter-${orgId.slice(0, 8)}@example.test`, password: "counter-password", role: "agent" });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await createConversation(ctx, { subject: `Count ${i}` })).conversation.id);
    await claimConversation(ctx, ids[0]!, { id: agent.id });
    await claimConversation(ctx, ids[1]!, { id: owner.id });
    await claimConversation(ctx, ids[1]!, { id: agent.id });
    await resolveConversation(ctx, ids[2]!);
    await snoozeConversation(ctx, ids[3]!, { until: new Date(Date.now() + 3_600_000) });
    await updateConversation(ctx, ids[4]!, { status: "pending", tags: ["vip", "billing"] });
    await addTag(ctx, ids[5]!, "VIP");
    await addTag(ctx, ids[0]!, "vip");
    await resolveConversation(ctx, ids[0]!);
    await removeTag(ctx, ids[5]!, "vip");
    // Writers that bypass lib/: a bulk update and a delete in plain SQL.
    await db.execute(sql`update conversations set status = 'pending' where id in (${ids[6]}, ${ids[7]})`);
    await db.execute(sql`delete from conversations where id = ${ids[4]}`);

    const filters = [
      {}, { status: "open" }, { status: "pending" }, { status: "closed" }, { status: "snoozed" },
      { assignee: agent.id }, { assignee: null }, { status: "closed", assignee: agent.id },
      { tag: "vip" }, { tag: "billing" }, { tag: "vip", status: "closed" }, { tag: "nothing" },
    ] as const;
    for (const filter of filters) {
      const query = {
        ...(("status" in filter) ? { status: filter.status } : {}),
        ...(("assignee" in filter) ? { assignee: filter.assignee ?? "none" } : {}),
        ...(("tag" in filter) ? { tag: filter.tag } : {}),
      };
      expect(countedTotal(ctx, listConversationsQuerySchema.parse(query)), JSON.stringify(filter)).not.toBeNull();
      const listed = await listConversations(ctx, { ...query, limit: 1 });
      expect(listed.count, JSON.stringify(filter)).toBe(await countedByRows(orgId, filter));
    }
    expect((await listConversations(ctx, { assignee: agent.email })).count).toBe(await countedByRows(orgId, { assignee: agent.id }));
    expect((await listConversations(ctx, {})).count).toBe(11);
  });

  it("match a bulk insert of many rows in one statement (the statement trigger counts them at once)", async () => {
    const { ctx, orgId } = await createTestOrg("Bulk counters");
    const { conversation } = await createConversation(ctx, { subject: "Template" });
    await db.execute(sql`
      insert into conversations (organization_id, number, subject, status, requester_id)
      select ${orgId}, 1000 + g, 'Bulk', (array['open','pending','closed'])[1 + g % 3]::conversation_status, ${conversation.requester.id}
      from generate_series(1, 3000) g`);
    expect((await listConversations(ctx, {})).count).toBe(3001);
    expect((await listConversations(ctx, { status: "closed" })).count).toBe(1000);
  });

  it("other filters keep counting rows: search, requester, tag with assignee, end users", async () => {
    const { ctx } = await createTestOrg();
    const params = (q: object) => listConversationsQuerySchema.parse(q);
    expect(countedTotal(ctx, params({ q: "refund" }))).toBeNull();
    expect(countedTotal(ctx, params({ user_email: "a@example.com" }))).toBeNull();
    expect(countedTotal(ctx, params({ tag: "vip", assignee: "none" }))).toBeNull();
    expect(countedTotal({ orgId: ctx.orgId, actor: { type: "end_user", id: ctx.orgId, name: "x" } } as never, params({}))).toBeNull();
  });
});
