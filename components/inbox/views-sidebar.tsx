"use client";

import Link from "next/link";
import type { InboxViewCounts } from "@/lib/inbox/view-counts";
import { CLOSED_VIEW_HELP, STATUS_HELP } from "./status-help";
import { useViewCounts } from "./use-inbox-data";
import { useInboxUrl } from "./use-inbox-url";

const STATUS_VIEWS: { view: keyof InboxViewCounts["views"]; label: string; help?: string }[] = [
  { view: "mine", label: "Mine" },
  { view: "unassigned", label: "Unassigned" },
  { view: "open", label: "All open" },
  { view: "pending", label: "Pending", help: STATUS_HELP.pending },
  { view: "snoozed", label: "Snoozed" },
  { view: "closed", label: "Closed", help: CLOSED_VIEW_HELP },
  { view: "all", label: "All" },
  { view: "sla_at_risk", label: "SLA at risk" },
];

function ViewLink({ view, label, count, color, help }: { view: string; label: string; count: number | undefined; color?: string; help?: string }) {
  const { view: current, hrefFor } = useInboxUrl();
  const active = current === view;
  return (
    <li>
      <Link
        href={hrefFor({ view, conversation: null, q: "" })}
        aria-current={active ? "page" : undefined}
        title={help}
        className={`flex items-center justify-between gap-2 rounded-md px-2 py-1.5 text-sm ${
          active ? "bg-indigo-100 font-medium text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100" : "text-slate-700 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800"
        }`}
      >
        <span className="flex min-w-0 items-center gap-2">
          {color && <span aria-hidden className="h-2 w-2 shrink-0 rounded-full" style={{ backgroundColor: color }} />}
          <span className="truncate">{label}</span>
        </span>
        <span className="tabular-nums text-xs text-slate-500 dark:text-slate-400" aria-label={count === undefined ? undefined : `${count} conversations`}>
          {count ?? ""}
        </span>
      </Link>
    </li>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mt-4">
      <h2 className="px-2 pb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{title}</h2>
      <ul className="space-y-0.5">{children}</ul>
    </div>
  );
}

/** The views with live counts: statuses, then each team and each tag (open conversations). */
export function ViewsSidebar() {
  const counts = useViewCounts();
  const data = counts.data;
  return (
    <nav aria-label="Views" className="h-full overflow-y-auto p-2">
      <ul className="space-y-0.5">
        {STATUS_VIEWS.map((v) => (
          <ViewLink key={v.view} view={v.view} label={v.label} count={data?.views[v.view]} help={v.help} />
        ))}
      </ul>
      {counts.isError && (
        <p role="alert" className="mt-2 px-2 text-xs text-rose-700 dark:text-rose-400">
          Counts could not be loaded; they will refresh on the next change.
        </p>
      )}
      {data && data.teams.length > 0 && (
        <Section title="Teams">
          {data.teams.map((t) => (
            <ViewLink key={t.id} view={`team:${t.id}`} label={t.name} count={t.count} />
          ))}
        </Section>
      )}
      {data && data.tags.length > 0 && (
        <Section title="Tags">
          {data.tags.map((t) => (
            <ViewLink key={t.id} view={`tag:${t.id}`} label={t.name} count={t.count} color={t.color} />
          ))}
        </Section>
      )}
    </nav>
  );
}

export function viewLabel(view: string, counts: InboxViewCounts | undefined) {
  const status = STATUS_VIEWS.find((v) => v.view === view);
  if (status) return status.label;
  const [kind, id] = view.split(":");
  if (kind === "team") return counts?.teams.find((t) => t.id === id)?.name ?? "Team";
  if (kind === "tag") return `#${counts?.tags.find((t) => t.id === id)?.name ?? "tag"}`;
  return "Conversations";
}
