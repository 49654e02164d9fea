import { sql, type SQL } from "drizzle-orm";
import { replicaRows } from "../ops/read-replica";
import type { Ctx } from "../context";
import { parseInput } from "../settings/parse";
import { durationOf, factsWhere, lastResolutions, latestRatings, ownerFilter } from "./fact-filter";
import { localBuckets } from "./buckets";
import { coversWholeDays, localDate, resolveReportScope, type ReportScope } from "./range";
import { timeseriesSchema, type TIMESERIES_METRICS } from "./schemas";

type Metric = (typeof TIMESERIES_METRICS)[number];
type Interval = "day" | "hour";

/**
 * Per metric: the facts it reads (alias f, with occurred_at) and its value per bucket. Each conversation falls in
 * one bucket per number, exactly as the summary counts it, so the buckets add up to the summary.
 */
function source(scope: ReportScope, metric: Metric): { from: SQL; value: SQL } {
  const duration = durationOf(scope);
  switch (metric) {
    case "conversations_created":
      return { from: sql`(select * from reporting_facts f where ${factsWhere(scope, "conversation_created")})`, value: sql`count(*)::int` };
    case "conversations_resolved":
      return { from: sql`(${lastResolutions(scope)})`, value: sql`count(*)::int` };
    case "first_response_seconds":
      return { from: sql`(select * from reporting_facts f where ${factsWhere(scope, "first_response")})`, value: sql`round((percentile_cont(0.5) within group (order by ${duration}))::numeric)::int` };
    case "resolution_seconds":
      return { from: sql`(${lastResolutions(scope)})`, value: sql`round((percentile_cont(0.5) within group (order by f.duration))::numeric)::int` };
    case "csat_average":
      return { from: sql`(${latestRatings(scope)})`, value: sql`round(avg(f.score), 2)::float8` };
  }
}

/**
 * Whole days in the organization's own time zone come from the daily roll-up (a few rows per day, keyed by the
 * facts' team and agent) instead of every fact; the roll-up is written with the facts and follows them, so it agrees.
 */
function fromRollup(scope: ReportScope, metric: Metric, interval: Interval) {
  return metric === "conversations_created" && interval === "day" && coversWholeDays(scope);
}

export async function timeseries(scope: ReportScope, metric: Metric, interval: Interval) {
  const tz = scope.timeZone;
  const local = (column: SQL) => sql`date_trunc(${interval}, (${column}) at time zone ${tz}::text)`;
  const step = interval === "day" ? sql`interval '1 day'` : sql`interval '1 hour'`;
  const counted = fromRollup(scope, metric, interval)
    ? sql`select d.day::timestamp as bucket, sum(d.count)::int as value from reporting_daily d
        where d.organization_id = ${scope.orgId} and d.kind = 'conversation_created'
          and d.day >= ${localDate(scope.from, tz)}::date and d.day < ${localDate(scope.to, tz)}::date
          ${ownerFilter(scope, "d")}
        group by 1`
    : (() => {
        // Each bucket's facts are one index range (localBuckets): no sort of every fact by bucket.
        const { from, value } = source(scope, metric);
        return sql`select b.label as bucket, v.value from (${localBuckets(scope, interval)}) b
          cross join lateral (select ${value} as value from ${from} f where f.occurred_at >= b.start and f.occurred_at < b.stop) v`;
      })();
  const points = await replicaRows<{ start: string; value: number | null }>(
    sql`with counted as (${counted})
    select to_json(s.bucket at time zone ${tz}::text)#>>'{}' as start, c.value
    from generate_series(${local(sql`${scope.from.toISOString()}::timestamptz`)}, ${local(sql`${scope.to.toISOString()}::timestamptz - interval '1 microsecond'`)}, ${step}) s(bucket)
    left join counted c on c.bucket = s.bucket
    order by s.bucket`,
  );
  const zero = metric === "conversations_created" || metric === "conversations_resolved";
  return {
    metric,
    interval,
    time_zone: tz,
    from: scope.from.toISOString(),
    to: scope.to.toISOString(),
    points: points.map((p) => ({ start: new Date(p.start).toISOString(), value: p.value === null ? (zero ? 0 : null) : Number(p.value) })),
  };
}

/** GET /api/v1/reports/timeseries/ and the Reports page's chart. */
export async function getReportTimeseries(ctx: Ctx, input: unknown) {
  const params = parseInput(timeseriesSchema, input);
  const { metric, interval, ...filters } = params;
  return timeseries(await resolveReportScope(ctx, filters), metric, interval);
}
