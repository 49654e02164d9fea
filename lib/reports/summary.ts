import { sql } from "drizzle-orm";
import { replicaRows } from "../ops/read-replica";
import type { Ctx } from "../context";
import { parseInput } from "../settings/parse";
import { factCount } from "./fact-counts";
import { durationOf, factsWhere, lastResolutions, latestRatings, percentiles, SATISFIED_SCORE, slaBreaches, slaCovered } from "./fact-filter";
import { resolveReportScope, type ReportScope } from "./range";
import { reportFiltersSchema } from "./schemas";

type Pct = { median: number | null; p90: number | null };

/**
 * The report's headline numbers, run side by side: creations counted from the daily roll-up (whole days) and the
 * facts of the partial days at either end; durations and ratings from index-only scans of the facts (exact medians
 * and p90s need every value); each conversation's last resolution / latest rating read by superseded_at, not sorted.
 * Reports (summary, chart, tables, drill-downs, CSV) read the streaming replica when there is one (replicaRows).
 */
export async function summarize(scope: ReportScope) {
  const duration = durationOf(scope);
  const [[created], [applicable], [breached], [first], [resolution], [csat]] = await Promise.all([
    replicaRows<{ n: number }>(sql`select ${factCount(scope, "conversation_created")} as n`),
    replicaRows<{ n: number }>(sql`select count(*)::int as n from (${slaCovered(scope)}) a`),
    replicaRows<{ n: number }>(sql`select count(distinct b.conversation_id)::int as n from (${slaBreaches(scope)}) b`),
    replicaRows<Pct>(sql`select ${percentiles(duration)} from reporting_facts f where ${factsWhere(scope, "first_response")}`),
    replicaRows<Pct & { n: number }>(sql`select count(*)::int as n, ${percentiles(sql`r.duration`)} from (${lastResolutions(scope)}) r`),
    replicaRows<{ responses: number; average: string | null; satisfied: number }>(
      sql`select count(*)::int as responses, round(avg(r.score), 2)::text as average, count(*) filter (where r.score >= ${SATISFIED_SCORE})::int as satisfied
      from (${latestRatings(scope)}) r`,
    ),
  ]);
  return {
    conversations_created: created!.n,
    conversations_resolved: resolution!.n,
    first_response_seconds: { median: first!.median, p90: first!.p90 },
    resolution_seconds: { median: resolution!.median, p90: resolution!.p90 },
    csat: {
      responses: csat!.responses,
      average: csat!.average === null ? null : Number(csat!.average),
      satisfied_pct: csat!.responses ? Math.round((1000 * csat!.satisfied) / csat!.responses) / 10 : null,
    },
    // Applicable: conversations created in the range that an SLA policy covers; breached: those of them with a target
    // missed in the range (never more than applicable; breaches of older conversations are not in this share).
    sla: { applicable: applicable!.n, breached: breached!.n },
    from: scope.from.toISOString(),
    to: scope.to.toISOString(),
    time_zone: scope.timeZone,
    business_hours: scope.businessHours,
  };
}

/** GET /api/v1/reports/summary/ and the Reports page's headline. */
export async function getReportSummary(ctx: Ctx, input: unknown) {
  return summarize(await resolveReportScope(ctx, parseInput(reportFiltersSchema, input)));
}
