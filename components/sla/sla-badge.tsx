"use client";

import { useEffect, useState } from "react";

const short = (ms: number) => {
  const m = Math.round(Math.abs(ms) / 60_000);
  if (m < 60) return `${m}m`;
  if (m < 48 * 60) return `${Math.floor(m / 60)}h ${m % 60}m`;
  return `${Math.floor(m / 1440)}d`;
};

/**
 * Time left until the conversation's next SLA target, or how long ago it was breached: red when breached,
 * amber within the last hour. Re-renders each minute.
 */
export function SlaBadge({ dueAt }: { dueAt: string | null }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  if (!dueAt || now === null) return null;
  const left = new Date(dueAt).getTime() - now;
  const tone = left < 0 ? "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300" : left < 3600_000 ? "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300" : "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300";
  const text = left < 0 ? `SLA breached ${short(left)} ago` : `SLA ${short(left)} left`;
  return (
    <span className={`inline-flex shrink-0 items-center rounded px-1.5 py-0.5 text-[11px] font-medium ${tone}`} title={`Next SLA target: ${new Date(dueAt).toLocaleString()}`} data-testid="sla-badge">
      {text}
    </span>
  );
}
