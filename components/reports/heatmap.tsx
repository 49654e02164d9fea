import Link from "next/link";
import { cardClass } from "@/components/settings/styles";
import { reportHref, type ReportLinkFilters } from "./format";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const DOW = [1, 2, 3, 4, 5, 6, 0];

/** Conversations created by weekday and hour (the report's time zone): when the team is busiest; a cell opens them. */
export function Heatmap({ cells, timeZone, filters }: { cells: { dow: number; hour: number; count: number }[]; timeZone: string; filters: ReportLinkFilters }) {
  const max = Math.max(1, ...cells.map((c) => c.count));
  const at = (dow: number, hour: number) => cells.find((c) => c.dow === dow && c.hour === hour)?.count ?? 0;
  return (
    <section className={cardClass} aria-label="Busiest hours">
      <h2 className="mb-2 font-medium">Busiest hours <span className="text-xs font-normal text-slate-500">conversations created, {timeZone}</span></h2>
      <div className="overflow-x-auto">
        <div className="grid min-w-[640px] gap-px text-[10px]" style={{ gridTemplateColumns: "2.5rem repeat(24, minmax(0, 1fr))" }}>
          <span />
          {Array.from({ length: 24 }, (_, h) => <span key={h} className="text-center text-slate-500">{h % 3 === 0 ? h : ""}</span>)}
          {DOW.map((dow, i) => [
            <span key={`d${dow}`} className="pr-1 text-right text-slate-500">{DAYS[i]}</span>,
            ...Array.from({ length: 24 }, (_, hour) => {
              const n = at(dow, hour);
              const cell = { title: `${DAYS[i]} ${hour}:00 · ${n}`, className: "h-5 rounded-sm bg-indigo-600", style: { opacity: n ? 0.12 + (0.88 * n) / max : 0.05 } };
              if (!n) return <span key={`${dow}-${hour}`} {...cell} />;
              const href = reportHref("/reports/conversations", filters, { metric: "created", weekday: String(dow), hour: String(hour) });
              return <Link key={`${dow}-${hour}`} href={href} {...cell} aria-label={`${n} created on ${DAYS[i]} at ${hour}:00`} data-testid="heatmap-cell" />;
            }),
          ])}
        </div>
      </div>
    </section>
  );
}
