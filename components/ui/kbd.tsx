import type { ReactNode } from "react";

/** A keyboard hint; hidden on touch screens (a coarse pointer), where there is no keyboard to press it on. */
export function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd className="pointer-coarse:hidden rounded border border-slate-300 bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] text-slate-700 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200">
      {children}
    </kbd>
  );
}
