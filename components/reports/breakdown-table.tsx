import Link from "next/link";
import { cardClass, tableClass, tdClass, thClass } from "@/components/settings/styles";
import type { BreakdownRow } from "@/lib/reports/breakdown";
import { formatDuration, reportHref, type ReportLinkFilters } from "./format";

/** Per-agent or per-team numbers; each count links to that agent's or team's conversations. */
export function BreakdownTable({ title, by, rows, filters }: { title: string; by: "agent" | "team"; rows: BreakdownRow[]; filters: ReportLinkFilters }) {
  const drill = (row: BreakdownRow, metric: string) => reportHref("/reports/conversations", { ...filters, [by]: row.id ?? "none" }, { metric });
  return (
    <section className={cardClass} aria-label={title}>
      <h2 className="mb-2 font-medium">{title}</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">Nothing in this range.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className={tableClass}>
            <thead>
              <tr>
                <th className={thClass}>{by === "agent" ? "Agent" : "Team"}</th>
                <th className={thClass}>First responses</th>
                <th className={thClass}>Median first response</th>
                <th className={thClass}>Replies</th>
                <th className={thClass}>Resolved</th>
                <th className={thClass}>Median resolution</th>
                <th className={thClass}>CSAT</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id ?? "none"}>
                  <td className={tdClass}>{row.name ?? (row.id ? "(deleted)" : by === "agent" ? "Unassigned" : "No team")}</td>
                  <td className={tdClass}>
                    <Link className="text-indigo-700 hover:underline dark:text-indigo-300" href={drill(row, "first_response")}>{row.first_responses}</Link>
                  </td>
                  <td className={tdClass}>
                    <Link className="text-indigo-700 hover:underline dark:text-indigo-300" href={drill(row, "first_response")}>{formatDuration(row.first_response_median)}</Link>
                  </td>
                  <td className={tdClass}>{row.replies}</td>
                  <td className={tdClass}>
                    <Link className="text-indigo-700 hover:underline dark:text-indigo-300" href={drill(row, "resolved")}>{row.resolved}</Link>
                  </td>
                  <td className={tdClass}>
                    <Link className="text-indigo-700 hover:underline dark:text-indigo-300" href={drill(row, "resolved")}>{formatDuration(row.resolution_median)}</Link>
                  </td>
                  <td className={tdClass}>
                    {row.csat_average === null ? "–" : <Link className="text-indigo-700 hover:underline dark:text-indigo-300" href={drill(row, "rated")} data-testid="breakdown-csat">{`${row.csat_average.toFixed(1)} (${row.csat_responses})`}</Link>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
