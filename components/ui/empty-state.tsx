import type { ReactNode } from "react";

/** Says what happened and what to do next; used for empty, error and not-found states. */
export function EmptyState({ title, children, tone = "neutral" }: { title: string; children?: ReactNode; tone?: "neutral" | "error" }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className="flex h-full flex-col items-center justify-center gap-2 p-8 text-center">
      <p className={`font-medium ${tone === "error" ? "text-rose-700 dark:text-rose-400" : "text-slate-700 dark:text-slate-200"}`}>{title}</p>
      {children && <div className="max-w-sm text-sm text-slate-500 dark:text-slate-400">{children}</div>}
    </div>
  );
}
