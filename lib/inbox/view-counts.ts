import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import type { Ctx } from "../context";
import { liveOrgOf } from "../organizations/live-org";
import { viewCondition } from "./views";

const STATUSES = ["open", "pending", "snoozed", "resolved", "closed"] as const;

/** Counts that are the same for every agent of the organization. */
export async function countOrganizationViews(orgId: string) {
  // One narrow index-only count per status reads far less than one pass over the wide table.
  const perStatus = sql.join(
    STATUSES.map((s) => sql`(select count(*) from conversations where organization_id = ${orgId} and status = ${s})::int as ${sql.identifier(s)}`),
    sql`, `,
  );
  const [byStatus] = await rows<Record<(typeof STATUSES)[number], number> & { unassigned: number; sla_at_risk: number }>(sql`
    select ${perStatus},
      (select count(*) from conversations where organization_id = ${orgId} and assignee_id is null and status = 'open')::int as unassigned,
      (select count(*) from conversations c where c.organization_id = ${orgId} and ${viewCondition("sla_at_risk", "")})::int as sla_at_risk`);
  const teams = await rows<{ id: string; name: string; count: number }>(sql`
    select t.id, t.name, (select count(*) from conversations c
      where c.organization_id = ${orgId} and c.team_id = t.id and c.status = 'open')::int as count
    from teams t where t.organization_id = ${liveOrgOf(orgId)} order by t.name`);
  const tags = await rows<{ id: string; name: string; color: string; count: number }>(sql`
    with open_ids as (select id from conversations where organization_id = ${orgId} and status = 'open'),
    counts as (select ct.tag_id, count(*)::int as count from conversation_tags ct
      where ct.tag_id in (select id from tags where organization_id = ${orgId}) and ct.conversation_id in (select id from open_ids)
      group by ct.tag_id)
    select t.id, t.name, t.color, coalesce(counts.count, 0)::int as count
    from tags t left join counts on counts.tag_id = t.id where t.organization_id = ${orgId} order by lower(t.name)`);
  const s = byStatus!;
  return {
    statuses: { unassigned: s.unassigned, open: s.open, pending: s.pending, snoozed: s.snoozed, closed: s.resolved + s.closed, all: STATUSES.reduce((n, k) => n + s[k], 0), sla_at_risk: s.sla_at_risk },
    teams,
    tags,
  };
}

/** Counts for every sidebar view: the organization's (shareable) plus the agent's own Mine. */
export async function countInboxViews(ctx: Ctx, agentId: string, organization?: Awaited<ReturnType<typeof countOrganizationViews>>) {
  const [org, [mine]] = await Promise.all([
    organization ?? countOrganizationViews(ctx.orgId),
    rows<{ count: number }>(sql`select count(*)::int as count from conversations
      where organization_id = ${ctx.orgId} and assignee_id = ${agentId} and status = 'open'`),
  ]);
  return { views: { mine: mine!.count, ...org.statuses }, teams: org.teams, tags: org.tags };
}
export type InboxViewCounts = Awaited<ReturnType<typeof countInboxViews>>;
