import Link from "next/link";
import { formatDuration, reportHref } from "@/components/reports/format";
import { cardClass, tableClass, tdClass, thClass } from "@/components/settings/styles";
import { requireAgent } from "@/lib/auth/require-agent";
import { ApiError } from "@/lib/errors";
import { localDate } from "@/lib/reports/range";
import { loadReportDrilldown } from "@/lib/reports/report-page";
import { reportParams } from "../search-params";

export const dynamic = "force-dynamic";

const TITLES: Record<string, string> = {
  created: "Conversations created",
  resolved: "Conversations resolved",
  first_response: "Conversations first answered",
  rated: "Conversations rated",
  satisfied: "Satisfied ratings (4–5)",
  sla_breached: "SLA breached",
};

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** The drill-down: the conversations behind one number of the report, each a link into the inbox. */
export default async function ReportConversationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { ctx } = await requireAgent();
  const params = reportParams(await searchParams);
  let result;
  try {
    result = await loadReportDrilldown(ctx, params);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return <p role="alert" className={cardClass}>{error.message}</p>;
  }
  const { scope, metric, slot, window, conversations } = result;
  const when = (d: Date) => d.toLocaleString("en-GB", { timeZone: scope.timeZone, dateStyle: "medium", timeStyle: "short" });
  const slotLabel = slot
    ? `, ${WEEKDAYS[slot.weekday]} ${slot.hour}:00–${slot.hour + 1}:00 (${scope.timeZone})`
    : window
      ? `, ${when(window.from)} – ${when(window.to)} (${scope.timeZone})`
      : "";
  const back = reportHref("/reports", {
    from: localDate(scope.from, scope.timeZone), to: localDate(scope.to, scope.timeZone), time_zone: scope.timeZone,
    business_hours: scope.businessHours, team: scope.teamId, agent: params.agent ?? null,
  });
  return (
    <div className="flex flex-col gap-4">
      <div>
        <Link href={back} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">← Back to the report</Link>
        <h1 className="mt-1 text-xl font-semibold">
          {TITLES[metric]}{slotLabel}: <span data-testid="drilldown-count">{conversations.length}</span>
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {scope.from.toISOString().slice(0, 16).replace("T", " ")} to {scope.to.toISOString().slice(0, 16).replace("T", " ")} UTC
          {scope.businessHours ? ", durations in business hours" : ""}.
        </p>
      </div>
      <div className={`${cardClass} overflow-x-auto`}>
        <table className={tableClass} aria-label="Conversations">
          <thead>
            <tr>
              <th className={thClass}>#</th>
              <th className={thClass}>Subject</th>
              <th className={thClass}>Status</th>
              <th className={thClass}>Assignee</th>
              <th className={thClass}>Created</th>
              <th className={thClass}>First response</th>
              <th className={thClass}>Resolution</th>
              <th className={thClass}>Rating</th>
            </tr>
          </thead>
          <tbody>
            {conversations.map((c) => (
              <tr key={c.id} data-testid="drilldown-row">
                <td className={tdClass}>{c.number}</td>
                <td className={tdClass}>
                  <Link href={`/inbox?view=all&c=${c.number}`} className="text-indigo-700 hover:underline dark:text-indigo-300">{c.subject}</Link>
                </td>
                <td className={tdClass}>{c.status}</td>
                <td className={tdClass}>{c.assignee ?? "–"}</td>
                <td className={tdClass}>{new Date(c.created_at).toLocaleString("en-GB", { timeZone: scope.timeZone })}</td>
                <td className={tdClass}>{formatDuration(c.first_response_seconds)}</td>
                <td className={tdClass}>{formatDuration(c.resolution_seconds)}</td>
                <td className={tdClass}>{c.rating ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {conversations.length === 0 && <p className="p-2 text-sm text-slate-500">No conversations.</p>}
        {conversations.length === 1000 && <p className="p-2 text-xs text-slate-500">Showing the first 1,000; export the CSV for all of them.</p>}
      </div>
    </div>
  );
}
