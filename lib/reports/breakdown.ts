import { sql, type SQL } from "drizzle-orm";
import { replicaRows } from "../ops/read-replica";
import { localBuckets } from "./buckets";
import { factCounts } from "./fact-counts";
import { durationOf, factsWhere, lastResolutions, latestRatings, SATISFIED_SCORE } from "./fact-filter";
import type { ReportScope } from "./range";

/**
 * Count and exact median of `v` per key `k` from a SELECT of (k, v): the values are gathered per key by a hash
 * aggregate and each key's few are sorted on their own, where percentile_cont grouped by key would first sort every
 * fact of the range by key (ordered-set aggregates cannot be hashed).
 */
const medianPerKey = (values: SQL) =>
  sql`select g.k, cardinality(g.vals) as n, (select round((percentile_cont(0.5) within group (order by x))::numeric)::int from unnest(g.vals) x) as median
    from (select p.k, array_agg(p.v) as vals from (${values}) p group by 1) g`;

export type BreakdownRow = {
  id: string | null;
  name: string | null;
  first_responses: number;
  first_response_median: number | null;
  replies: number;
  resolved: number;
  resolution_median: number | null;
  csat_responses: number;
  csat_average: number | null;
  satisfied: number;
};

/**
 * The per-agent or per-team table: who answered, resolved and was rated, by the summary's definitions (each
 * fact is credited to the agent who replied / was assigned, and the conversation's team at that moment). Replies,
 * the most numerous facts, are counted from the daily roll-up for whole days (factCounts).
 */
export async function breakdown(scope: ReportScope, by: "agent" | "team") {
  const key = by === "agent" ? sql`agent_id` : sql`team_id`;
  const names = by === "agent" ? sql`agents` : sql`teams`;
  const duration = durationOf(scope);
  // The four parts read different facts: run side by side (as the summary's), then joined in one small statement.
  const [fr, rp, rs, rt] = await Promise.all([
    replicaRows(medianPerKey(sql`select f.${key} as k, ${duration} as v from reporting_facts f where ${factsWhere(scope, "first_response")}`)),
    replicaRows(factCounts(scope, "reply", by === "agent" ? "agent_id" : "team_id")),
    replicaRows(medianPerKey(sql`select f.${key} as k, f.duration as v from (${lastResolutions(scope)}) f`)),
    replicaRows(sql`select f.${key} as k, count(*)::int as n, round(avg(f.score), 2)::float8 as average,
      count(*) filter (where f.score >= ${SATISFIED_SCORE})::int as satisfied from (${latestRatings(scope)}) f group by 1`),
  ]);
  const part = (list: unknown[], columns: string) => sql`select * from jsonb_to_recordset(${JSON.stringify(list)}::jsonb) as x(${sql.raw(columns)})`;
  const list = await replicaRows<BreakdownRow>(sql`with
    fr as (${part(fr, "k uuid, n int, median int")}),
    rp as (${part(rp, "k uuid, n int")}),
    rs as (${part(rs, "k uuid, n int, median int")}),
    rt as (${part(rt, "k uuid, n int, average float8, satisfied int")}),
    keys as (select k from fr union select k from rp union select k from rs union select k from rt)
    select keys.k as id, n.name, coalesce(fr.n, 0) as first_responses, fr.median as first_response_median, coalesce(rp.n, 0) as replies,
      coalesce(rs.n, 0) as resolved, rs.median as resolution_median, coalesce(rt.n, 0) as csat_responses, rt.average as csat_average,
      coalesce(rt.satisfied, 0) as satisfied
    from keys left join ${names} n on n.id = keys.k
      left join fr on fr.k is not distinct from keys.k left join rp on rp.k is not distinct from keys.k
      left join rs on rs.k is not distinct from keys.k left join rt on rt.k is not distinct from keys.k
    order by coalesce(rs.n, 0) + coalesce(rp.n, 0) desc, n.name`);
  return list;
}

/** Conversations created per local weekday (0 = Sunday) and hour: the busiest-hours heatmap, counted per local hour. */
export async function createdHeatmap(scope: ReportScope) {
  return replicaRows<{ dow: number; hour: number; count: number }>(sql`select extract(dow from b.label)::int as dow, extract(hour from b.label)::int as hour,
      sum(v.n)::int as count
    from (${localBuckets(scope, "hour")}) b
    cross join lateral (select count(*) as n from reporting_facts f
      where ${factsWhere(scope, "conversation_created")} and f.occurred_at >= b.start and f.occurred_at < b.stop) v
    group by 1, 2 having sum(v.n) > 0 order by 1, 2`);
}
