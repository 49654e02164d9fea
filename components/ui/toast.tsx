"use client";

import { useSyncExternalStore } from "react";

type Toast = { id: number; tone: "error" | "info"; message: string; action?: { label: string; run: () => void } };

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function dismissToast(id: number) {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

/** Shows a message for a few seconds; errors stay longer because they explain a rolled-back change. */
export function showToast(toast: Omit<Toast, "id">) {
  const id = nextId++;
  toasts = [...toasts.slice(-3), { ...toast, id }];
  emit();
  setTimeout(() => dismissToast(id), toast.tone === "error" ? 8_000 : 6_000);
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const EMPTY: Toast[] = [];

export function Toaster() {
  const list = useSyncExternalStore(subscribe, () => toasts, () => EMPTY);
  return (
    // At the top: at the bottom they covered the composer and its Send button.
    <div className="pointer-events-none fixed left-1/2 top-14 z-50 flex w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 flex-col gap-2">
      {list.map((t) => (
        <div
          key={t.id}
          role={t.tone === "error" ? "alert" : "status"}
          className={`pointer-events-auto flex items-center justify-between gap-3 rounded-md px-4 py-3 text-sm shadow-lg ${
            t.tone === "error" ? "bg-rose-700 text-white" : "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900"
          }`}
        >
          <span>{t.message}</span>
          <span className="flex shrink-0 gap-2">
            {t.action && (
              <button
                type="button"
                className="font-semibold underline"
                onClick={() => {
                  // Once: a second click (or a double click) must not run the action again.
                  if (!toasts.some((x) => x.id === t.id)) return;
                  dismissToast(t.id);
                  t.action!.run();
                }}
              >
                {t.action.label}
              </button>
            )}
            <button type="button" aria-label="Dismiss" onClick={() => dismissToast(t.id)} className="opacity-80 hover:opacity-100">
              ✕
            </button>
          </span>
        </div>
      ))}
    </div>
  );
}
