import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import type { Ctx } from "../context";
import { parseInput } from "../settings/parse";
import { durationOf, factsWhere, lastResolutions, latestRatings, percentiles, SATISFIED_SCORE } from "./fact-filter";
import { resolveReportScope, type ReportScope } from "./range";
import { reportFiltersSchema } from "./schemas";

type Pct = { median: number | null; p90: number | null };

/** The report's headline numbers, each from its own index-only scan of the facts, run side by side. */
export async function summarize(scope: ReportScope) {
  const duration = durationOf(scope);
  const [[volume], [first], [resolution], [csat]] = await Promise.all([
    rows<{ created: number; resolved: number; breached: number; applicable: number }>(sql`select
      (select count(*) from reporting_facts f where ${factsWhere(scope, "conversation_created")})::int as created,
      (select count(distinct f.conversation_id) from reporting_facts f where ${factsWhere(scope, "resolved")})::int as resolved,
      (select count(distinct f.conversation_id) from reporting_facts f where ${factsWhere(scope, "sla_breach")})::int as breached,
      (select count(*) from reporting_facts f join conversations c on c.id = f.conversation_id
        where ${factsWhere(scope, "conversation_created")} and c.sla_policy_id is not null)::int as applicable`),
    rows<Pct>(sql`select ${percentiles(duration)} from reporting_facts f where ${factsWhere(scope, "first_response")}`),
    rows<Pct>(sql`select ${percentiles(duration)} from (${lastResolutions(scope)}) f`),
    rows<{ responses: number; average: string | null; satisfied: number }>(
      sql`select count(*)::int as responses, round(avg(r.score), 2)::text as average, count(*) filter (where r.score >= ${SATISFIED_SCORE})::int as satisfied
      from (${latestRatings(scope)}) r`,
    ),
  ]);
  return {
    conversations_created: volume!.created,
    conversations_resolved: volume!.resolved,
    first_response_seconds: { median: first!.median, p90: first!.p90 },
    resolution_seconds: { median: resolution!.median, p90: resolution!.p90 },
    csat: {
      responses: csat!.responses,
      average: csat!.average === null ? null : Number(csat!.average),
      satisfied_pct: csat!.responses ? Math.round((1000 * csat!.satisfied) / csat!.responses) / 10 : null,
    },
    // Applicable: conversations created in the range that an SLA policy covers; breached: those with a target missed in it.
    sla: { applicable: volume!.applicable, breached: volume!.breached },
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
