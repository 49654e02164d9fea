import { sql } from "drizzle-orm";
import { replicaRows } from "../ops/read-replica";
import { listAgents } from "../agents/manage-agents";
import type { Ctx } from "../context";
import { parseInput } from "../settings/parse";
import { listTeams } from "../teams/manage-teams";
import { breakdown, createdHeatmap } from "./breakdown";
import { localBuckets } from "./buckets";
import { factsWhere } from "./fact-filter";
import { resolveReportScope, type ReportScope } from "./range";
import { listReportConversations } from "./report-conversations";
import { drilldownSchema, reportFiltersSchema } from "./schemas";
import { summarize } from "./summary";
import { timeseries } from "./timeseries";

const HOURLY_UP_TO_MS = 2 * 86_400_000;

/** The latest rating comments in the scope, for the CSAT card. */
async function ratingComments(scope: ReportScope) {
  return replicaRows<{ conversation_id: string; number: number; subject: string; score: number; comment: string }>(sql`select f.conversation_id, c.number, c.subject, f.score::int as score, f.detail as comment
    from reporting_facts f join conversations c on c.id = f.conversation_id
    where ${factsWhere(scope, "rating")} and f.detail is not null and f.detail <> ''
    order by f.occurred_at desc limit 5`);
}

/**
 * Each bar's real instants [from, to), keyed by the bar's start: its local day or hour as localBuckets cuts it for the
 * counts (clipped to the range; an hour repeated when clocks go back is one bar of two hours, a skipped hour none).
 * The bars' own starts cannot give this: a repeated local hour reads back as its later instance.
 */
async function barWindows(scope: ReportScope, interval: "day" | "hour") {
  const list = await replicaRows<{ start: string; from: string; to: string }>(sql`select to_json(b.label at time zone ${scope.timeZone}::text)#>>'{}' as start,
    to_json(b.start)#>>'{}' as "from", to_json(b.stop)#>>'{}' as "to" from (${localBuckets(scope, interval)}) b`);
  const iso = (v: string) => new Date(v).toISOString();
  return new Map(list.map((b) => [iso(b.start), { from: iso(b.from), to: iso(b.to) }]));
}

/** Everything the Reports page shows, in one call: numbers, chart series, tables, heatmap and filter choices. */
export async function loadReportPage(ctx: Ctx, input: Record<string, unknown>) {
  const scope = await resolveReportScope(ctx, parseInput(reportFiltersSchema, input), new Date(), { wholeDays: true });
  const interval: "day" | "hour" = scope.to.getTime() - scope.from.getTime() <= HOURLY_UP_TO_MS ? "hour" : "day";
  const manager = !(ctx.actor.type === "agent" && ctx.actor.role === "agent");
  const [summary, created, resolved, agents, teams, heatmap, comments, agentList, teamList, windows] = await Promise.all([
    summarize(scope),
    timeseries(scope, "conversations_created", interval),
    timeseries(scope, "conversations_resolved", interval),
    breakdown(scope, "agent"),
    manager ? breakdown(scope, "team") : Promise.resolve([]),
    createdHeatmap(scope),
    ratingComments(scope),
    manager ? listAgents(ctx) : Promise.resolve([]),
    listTeams(ctx),
    barWindows(scope, interval),
  ]);
  // Each bar's drill-down window; null for an hour the clocks skip (nothing happens in it; its start reads back as
  // the next hour's, so it comes just before a bar with the same start). The drill-down keeps the whole range as
  // its scope and narrows by this window (see drilldownIds).
  const series = created.points.map((p, i) => ({
    start: p.start,
    created: p.value ?? 0,
    resolved: resolved.points[i]?.value ?? 0,
    window: created.points[i + 1]?.start === p.start ? null : (windows.get(p.start) ?? null),
  }));
  return {
    scope,
    manager,
    interval,
    summary,
    series,
    agents,
    teams,
    heatmap,
    comments,
    agentChoices: agentList.map((a) => ({ id: a.id, name: a.name })),
    teamChoices: teamList.map((t) => ({ id: t.id, name: t.name })),
  };
}

/** The drill-down behind one number: the conversations it counts, with their share of the report. */
export async function loadReportDrilldown(ctx: Ctx, input: Record<string, unknown>) {
  const { metric, weekday, hour, occurred_from, occurred_to, ...filters } = parseInput(drilldownSchema, input);
  const scope = await resolveReportScope(ctx, filters);
  const slot = weekday === undefined || hour === undefined ? undefined : { weekday, hour };
  const window = occurred_from && occurred_to ? { from: new Date(occurred_from), to: new Date(occurred_to) } : undefined;
  return { scope, metric, slot, window, conversations: await listReportConversations(scope, metric, 1000, { slot, window }) };
}
