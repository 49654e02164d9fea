import { BreakdownTable } from "@/components/reports/breakdown-table";
import { reportHref } from "@/components/reports/format";
import { Heatmap } from "@/components/reports/heatmap";
import { ReportChart } from "@/components/reports/report-chart";
import { ReportFilters } from "@/components/reports/report-filters";
import { SummaryCards } from "@/components/reports/summary-cards";
import { cardClass } from "@/components/settings/styles";
import { requireAgent } from "@/lib/auth/require-agent";
import { ApiError } from "@/lib/errors";
import { localDate } from "@/lib/reports/range";
import { loadReportPage } from "@/lib/reports/report-page";
import { reportParams } from "./search-params";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReportsPage({ searchParams }: Props) {
  const { ctx } = await requireAgent();
  const params = reportParams(await searchParams);
  delete params.metric;
  delete params.weekday;
  delete params.hour;
  delete params.occurred_from;
  delete params.occurred_to;
  let report;
  try {
    report = await loadReportPage(ctx, params);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return (
      <div className={cardClass} role="alert">
        <h1 className="font-semibold">These report filters do not work</h1>
        <p className="mt-1 text-sm">{error.message}</p>
        <a className="mt-2 inline-block text-sm text-indigo-700 underline" href="/reports">Show the last 7 days</a>
      </div>
    );
  }
  const { scope, summary } = report;
  const links = {
    from: scope.from.toISOString(),
    to: scope.to.toISOString(),
    time_zone: scope.timeZone,
    business_hours: scope.businessHours,
    team: scope.teamId,
    agent: report.manager ? scope.agentId : null,
  };
  const lastDay = localDate(new Date(scope.to.getTime() - 1), scope.timeZone);
  // Each bar drills down to its own bucket as a window on when the facts happened, over the whole range: a resolution
  // counts in a bar only when it is the conversation's last in the RANGE, and the drill-down judges it the same way.
  const drill = (metric: string, i: number) => {
    const window = report.series[i]!.window;
    return window && reportHref("/reports/conversations", links, { metric, occurred_from: window.from, occurred_to: window.to });
  };
  const chartPoints = report.series.map((p, i) => ({ ...p, createdHref: drill("created", i), resolvedHref: drill("resolved", i) }));
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-xl font-semibold">Reports</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {report.manager ? "The whole team" : "Your own conversations"}, {localDate(scope.from, scope.timeZone)} to {lastDay} ({scope.timeZone}).{" "}
          Durations in {scope.businessHours ? "business hours (Settings → Business hours)" : "calendar time"}. Click any number to see the conversations behind it.
        </p>
      </div>
      <ReportFilters
        values={{
          from: localDate(scope.from, scope.timeZone),
          to: localDate(scope.to, scope.timeZone),
          time_zone: scope.timeZone,
          business_hours: scope.businessHours,
          team: scope.teamId ?? "",
          agent: report.manager ? (scope.agentId ?? "") : "",
        }}
        teams={report.teamChoices}
        agents={report.manager ? report.agentChoices : null}
        exportHref={reportHref("/reports/export", links)}
      />
      <SummaryCards summary={summary} filters={links} />
      <section className={cardClass} aria-label="Volume">
        <h2 className="mb-2 font-medium">Volume per {report.interval}</h2>
        <ReportChart points={chartPoints} interval={report.interval} timeZone={scope.timeZone} />
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        <Heatmap cells={report.heatmap} timeZone={scope.timeZone} filters={links} />
        <section className={cardClass} aria-label="Customer satisfaction">
          <h2 className="mb-2 font-medium">What customers said</h2>
          {report.comments.length === 0 ? (
            <p className="text-sm text-slate-500">No rating comments in this range.</p>
          ) : (
            <ul className="flex flex-col gap-2 text-sm">
              {report.comments.map((c) => (
                <li key={c.conversation_id}>
                  <span className="font-medium">{"★".repeat(c.score)}{"☆".repeat(5 - c.score)}</span> “{c.comment}”{" "}
                  <a className="text-xs text-indigo-700 hover:underline dark:text-indigo-300" href={`/inbox?view=all&c=${c.number}`}>#{c.number}</a>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <BreakdownTable title={report.manager ? "Agents" : "You"} by="agent" rows={report.agents} filters={links} />
      {report.manager && <BreakdownTable title="Teams" by="team" rows={report.teams} filters={links} />}
    </div>
  );
}
