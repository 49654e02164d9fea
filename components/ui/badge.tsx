import type { ReactNode } from "react";

const TONES = {
  slate: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
  green: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  amber: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  red: "bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-300",
  blue: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  violet: "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-300",
} as const;
export type BadgeTone = keyof typeof TONES;

export function Badge({ tone = "slate", children, className = "", title }: { tone?: BadgeTone; children: ReactNode; className?: string; title?: string }) {
  return <span title={title} className={`inline-flex items-center rounded px-1.5 py-0.5 text-[11px] font-medium leading-none ${TONES[tone]} ${className}`}>{children}</span>;
}

export const STATUS_TONE: Record<string, BadgeTone> = { open: "green", pending: "amber", snoozed: "violet", resolved: "slate", closed: "slate" };
export const PRIORITY_TONE: Record<string, BadgeTone> = { low: "slate", normal: "blue", high: "amber", urgent: "red" };
