import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import type { Ctx } from "../context";

type StatusCounts = { mine: number; unassigned: number; open: number; pending: number; snoozed: number; closed: number; all: number };

/**
 * Counts for every sidebar view in three index-driven queries. Team and tag counts are of open
 * conversations, matching what those views list.
 */
export async function countInboxViews(ctx: Ctx, agentId: string) {
  const [byStatus] = await rows<StatusCounts>(sql`
    select
      count(*) filter (where status = 'open' and assignee_id = ${agentId})::int as mine,
      count(*) filter (where status = 'open' and assignee_id is null)::int as unassigned,
      count(*) filter (where status = 'open')::int as open,
      count(*) filter (where status = 'pending')::int as pending,
      count(*) filter (where status = 'snoozed')::int as snoozed,
      count(*) filter (where status in ('resolved', 'closed'))::int as closed,
      count(*)::int as all
    from conversations where organization_id = ${ctx.orgId}`);
  const teams = await rows<{ id: string; name: string; count: number }>(sql`
    select t.id, t.name, (select count(*) from conversations c
      where c.organization_id = ${ctx.orgId} and c.team_id = t.id and c.status = 'open')::int as count
    from teams t where t.organization_id = ${ctx.orgId} order by t.name`);
  const tags = await rows<{ id: string; name: string; color: string; count: number }>(sql`
    select t.id, t.name, t.color, (select count(*) from conversation_tags ct join conversations c on c.id = ct.conversation_id
      where ct.tag_id = t.id and c.status = 'open')::int as count
    from tags t where t.organization_id = ${ctx.orgId} order by lower(t.name)`);
  return { views: byStatus!, teams, tags };
}
export type InboxViewCounts = Awaited<ReturnType<typeof countInboxViews>>;
