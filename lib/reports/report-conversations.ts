import { sql, type SQL } from "drizzle-orm";
import { withCustomPlan } from "@/db/client";
import { replicaRows } from "../ops/read-replica";
import { durationOf, factsWhere, lastResolutions, latestIn, latestRatings, SATISFIED_SCORE, slaBreaches } from "./fact-filter";
import type { ReportScope } from "./range";
import type { DRILLDOWN_METRICS } from "./schemas";

export type ReportConversation = {
  id: string;
  number: number;
  subject: string;
  status: string;
  priority: string;
  channel: string;
  team: string | null;
  assignee: string | null;
  created_at: string;
  created_in_range: boolean;
  first_response_at: string | null;
  first_response_seconds: number | null;
  resolved_at: string | null;
  resolution_seconds: number | null;
  resolutions: number;
  reopens: number;
  rating: number | null;
  rating_comment: string | null;
  sla_breached: boolean;
};

/**
 * Each conversation's share of the report, one CTE per fact kind, by the same definitions as the summary (a
 * conversation is resolved in the scope when its last resolution in the range is; `times` counts them all); `only`
 * narrows every CTE to a set of conversations (a drill-down's page) so it reads just their facts.
 */
function parts(scope: ReportScope, only: SQL | null): SQL {
  const duration = durationOf(scope);
  const where = (kind: Parameters<typeof factsWhere>[1]) => (only ? sql`${factsWhere(scope, kind)} and f.conversation_id in (${only})` : factsWhere(scope, kind));
  const ratings = only ? sql`select * from (${latestRatings(scope)}) r where r.conversation_id in (${only})` : latestRatings(scope);
  return sql`created as (select f.conversation_id from reporting_facts f where ${where("conversation_created")}),
    first as (select f.conversation_id, f.occurred_at, ${duration} as seconds from reporting_facts f where ${where("first_response")}),
    resolved as (select f.conversation_id, max(f.occurred_at) as occurred_at, max(${duration}) as seconds, count(*)::int as times
      from reporting_facts f where ${where("resolved")} group by 1 having bool_or(true${latestIn(scope)})),
    reopened as (select f.conversation_id, count(*)::int as times from reporting_facts f where ${where("reopened")} group by 1),
    rated as (${ratings}),
    breached as (select distinct f.conversation_id from reporting_facts f where ${where("sla_breach")})`;
}

/** One cell of the busiest-hours heatmap: a local weekday (0 = Sunday) and hour. */
export type HeatmapSlot = { weekday: number; hour: number };
/** One bar of the chart: the instants [from, to) its facts happened in, inside the scope's range. */
export type OccurredWindow = { from: Date; to: Date };
/** What narrows a drill-down below its number for the whole range: a heatmap cell or a chart bar. */
export type DrilldownNarrowing = { slot?: HeatmapSlot; window?: OccurredWindow };

/**
 * The conversations behind each drill-down number, read straight from the facts. A chart bar's window narrows the
 * facts by when they happened, never the scope itself: a conversation's last resolution / latest rating is judged
 * against the range's end, as the bar judged it, not the bar's (else one resolved on day 1 and again on day 3 would
 * be listed under day 1 too, where its bar does not count it).
 */
function drilldownIds(scope: ReportScope, metric: (typeof DRILLDOWN_METRICS)[number], { slot, window }: DrilldownNarrowing = {}): SQL {
  const at = (column: SQL) =>
    window ? sql` and ${column} >= ${window.from.toISOString()}::timestamptz and ${column} < ${window.to.toISOString()}::timestamptz` : sql``;
  const of = (kind: Parameters<typeof factsWhere>[1]) => sql`select f.conversation_id from reporting_facts f where ${factsWhere(scope, kind)}${at(sql`f.occurred_at`)}`;
  switch (metric) {
    case "created":
      // A heatmap cell: created on that local weekday and hour (the heatmap counts each local hour's facts).
      return slot
        ? sql`${of("conversation_created")} and extract(dow from f.occurred_at at time zone ${scope.timeZone}) = ${slot.weekday}
            and extract(hour from f.occurred_at at time zone ${scope.timeZone}) = ${slot.hour}`
        : of("conversation_created");
    case "resolved":
      return sql`select conversation_id from (${lastResolutions(scope)}) r where true${at(sql`r.occurred_at`)}`;
    case "first_response":
      return of("first_response");
    case "rated":
      return sql`select conversation_id from (${latestRatings(scope)}) r where true${at(sql`r.occurred_at`)}`;
    case "satisfied":
      return sql`select conversation_id from (${latestRatings(scope)}) r where r.score >= ${SATISFIED_SCORE}${at(sql`r.occurred_at`)}`;
    case "sla_breached":
      // The attainment card's breaches: within the range's SLA-covered conversations, as the summary counts them.
      return sql`select conversation_id from (${slaBreaches(scope)}) b where true${at(sql`b.occurred_at`)}`;
  }
}

/**
 * The conversations behind a report, one row each with the numbers it contributes: every conversation created,
 * first answered, resolved, reopened, rated or breached in the range (or, with `metric`, only those behind that
 * number). The CSV export and every drill-down read this, so they count what the summary counts.
 */
export async function listReportConversations(scope: ReportScope, metric?: (typeof DRILLDOWN_METRICS)[number], limit = 200_000, narrowing: DrilldownNarrowing = {}) {
  // A drill-down first picks its page of conversations (in list order), then reads only their facts. `nulls first`
  // (created_at is never null) is the order conversations_org_created_idx (created_at desc nulls last) gives read
  // backwards: the page walks that index and stops after `limit` matches instead of sorting every conversation.
  const page = metric
    ? sql`select c.id as conversation_id from conversations c
        where c.organization_id = ${scope.orgId} and c.id in (${drilldownIds(scope, metric, narrowing)}) order by c.created_at nulls first, c.number limit ${limit}`
    : null;
  const ids = page
    ? sql`select conversation_id from page`
    : sql`select conversation_id from created union select conversation_id from first union select conversation_id from resolved
      union select conversation_id from reopened union select conversation_id from rated union select conversation_id from breached`;
  const query =
    sql`with ${page ? sql`page as materialized (${page}),` : sql``} ${parts(scope, page ? sql`select conversation_id from page` : null)}, ids as (${ids})
    select c.id, c.number, c.subject, c.status, c.priority, c.channel, t.name as team, a.name as assignee,
      to_json(c.created_at)#>>'{}' as created_at,
      exists (select 1 from created x where x.conversation_id = c.id) as created_in_range,
      to_json(fr.occurred_at)#>>'{}' as first_response_at, fr.seconds as first_response_seconds,
      to_json(rs.occurred_at)#>>'{}' as resolved_at, rs.seconds as resolution_seconds, coalesce(rs.times, 0) as resolutions,
      coalesce(ro.times, 0) as reopens, rt.score::int as rating, rt.detail as rating_comment,
      exists (select 1 from breached b where b.conversation_id = c.id) as sla_breached
    from ids join conversations c on c.id = ids.conversation_id and c.organization_id = ${scope.orgId}
    left join teams t on t.id = c.team_id
    left join agents a on a.id = c.assignee_id
    left join first fr on fr.conversation_id = c.id
    left join resolved rs on rs.conversation_id = c.id
    left join reopened ro on ro.conversation_id = c.id
    left join rated rt on rt.conversation_id = c.id
    order by c.created_at nulls first, c.number
    limit ${limit}`;
  // Planned for this range, never from a cached generic plan: a drill-down over most of the facts walks the
  // conversations in list order and stops at the page's end, one over few facts hashes them first. A generic plan
  // (what a prepared statement gets after five runs on a connection) guesses few facts and took 1.5 s over 85,000.
  return replicaRows<ReportConversation>(withCustomPlan(query));
}
