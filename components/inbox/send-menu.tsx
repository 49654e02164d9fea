"use client";

import { useEffect, useRef, useState } from "react";
import type { ThenStatus } from "@/lib/inbox/schemas";

type Props = { disabled: boolean; onSend: (then: ThenStatus) => void };

const ITEMS: { then: ThenStatus; label: string; keys: string }[] = [
  { then: "pending", label: "Send and set pending", keys: "Ctrl/⌘+Alt+Enter" },
  { then: "resolved", label: "Send and resolve", keys: "Ctrl/⌘+Shift+Enter" },
];

/** The split half of "Send reply": a small menu to send and then set pending or resolve, in one request. */
export function SendMenu({ disabled, onSend }: Props) {
  const [open, setOpen] = useState(false);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) items.current[0]?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };

  return (
    <div className="relative">
      <button
        ref={toggle}
        type="button"
        aria-label="More send options"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
        className="h-full rounded-r-md border-l border-indigo-400 bg-indigo-600 px-2 text-sm text-white hover:bg-indigo-700 disabled:opacity-50"
      >
        ▾
      </button>
      {open && (
        <div
          role="menu"
          aria-label="Send options"
          className="absolute bottom-full right-0 z-20 mb-1 w-64 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
          onKeyDown={(e) => {
            const i = items.current.indexOf(document.activeElement as HTMLButtonElement);
            if (e.key === "Escape") close();
            else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
              e.preventDefault();
              items.current[(i + (e.key === "ArrowDown" ? 1 : ITEMS.length - 1)) % ITEMS.length]?.focus();
            }
          }}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
          }}
        >
          {ITEMS.map((item, i) => (
            <button
              key={item.then}
              ref={(el) => {
                items.current[i] = el;
              }}
              type="button"
              role="menuitem"
              onClick={() => {
                close();
                onSend(item.then);
              }}
              className="flex w-full items-center justify-between gap-2 rounded px-2 py-1.5 text-left text-sm text-slate-700 hover:bg-slate-100 focus:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800 dark:focus:bg-slate-800"
            >
              <span>{item.label}</span>
              <span className="text-[11px] text-slate-500">{item.keys}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
