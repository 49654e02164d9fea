import Link from "next/link";
import type { ReactNode } from "react";
import { cardClass } from "@/components/settings/styles";
import { slaAttainmentPct } from "@/lib/reports/sla-attainment";
import { formatDuration, reportHref, type ReportLinkFilters } from "./format";

type Summary = {
  conversations_created: number;
  conversations_resolved: number;
  first_response_seconds: { median: number | null; p90: number | null };
  resolution_seconds: { median: number | null; p90: number | null };
  csat: { responses: number; average: number | null; satisfied_pct: number | null };
  sla: { applicable: number; breached: number };
};

function Card({ title, href, value, children, testId }: { title: string; href: string; value: ReactNode; children?: ReactNode; testId: string }) {
  return (
    <div className={cardClass}>
      <h2 className="text-xs font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400">{title}</h2>
      <Link href={href} className="mt-1 block text-2xl font-semibold text-indigo-700 hover:underline dark:text-indigo-300" data-testid={testId} title="Show these conversations">
        {value}
      </Link>
      {children && <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{children}</p>}
    </div>
  );
}

/** The headline numbers; each one links to the conversations behind it. */
export function SummaryCards({ summary, filters }: { summary: Summary; filters: ReportLinkFilters }) {
  const drill = (metric: string) => reportHref("/reports/conversations", filters, { metric });
  const s = summary;
  const attained = slaAttainmentPct(s.sla);
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-6">
      <Card title="Conversations" href={drill("created")} value={s.conversations_created} testId="metric-created">created in the range</Card>
      <Card title="Resolved" href={drill("resolved")} value={s.conversations_resolved} testId="metric-resolved">conversations resolved</Card>
      <Card title="First response" href={drill("first_response")} value={formatDuration(s.first_response_seconds.median)} testId="metric-first-response">
        median · p90 {formatDuration(s.first_response_seconds.p90)}
      </Card>
      <Card title="Resolution time" href={drill("resolved")} value={formatDuration(s.resolution_seconds.median)} testId="metric-resolution">
        median · p90 {formatDuration(s.resolution_seconds.p90)}
      </Card>
      <Card title="CSAT" href={drill("rated")} value={s.csat.average === null ? "–" : `${s.csat.average.toFixed(1)} / 5`} testId="metric-csat">
        {s.csat.responses} ratings{s.csat.satisfied_pct === null ? "" : ` · ${s.csat.satisfied_pct}% satisfied`}
      </Card>
      <Card title="SLA attainment" href={drill("sla_breached")} value={attained === null ? "–" : `${attained}%`} testId="metric-sla">
        {attained === null ? "no conversation under an SLA policy" : <><span data-testid="metric-sla-breached">{s.sla.breached}</span> breached of {s.sla.applicable} under a policy</>}
      </Card>
    </div>
  );
}
