"use client";

import { useEffect, useState, type Ref } from "react";
import type { ConversationAction } from "@/lib/inbox/action-schemas";
import type { InboxDirectory } from "@/lib/inbox/get-directory";
import { Button } from "../ui/button";
import { formatPresetDate, snoozePresets } from "@/lib/inbox/snooze-presets";
import { useInboxUrl } from "./use-inbox-url";

const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-1 text-xs dark:border-slate-700 dark:bg-slate-900";

export function SearchBox({ inputRef }: { inputRef: Ref<HTMLInputElement> }) {
  const { q, navigate } = useInboxUrl();
  const [value, setValue] = useState(q);
  useEffect(() => setValue(q), [q]);
  useEffect(() => {
    if (value.trim() === q) return;
    const timer = setTimeout(() => navigate({ q: value.trim(), conversation: null }, { replace: true }), 350);
    return () => clearTimeout(timer);
  }, [value, q, navigate]);
  return (
    <form
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        navigate({ q: value.trim(), conversation: null });
      }}
    >
      <label htmlFor="inbox-search" className="sr-only">Search conversations</label>
      <input
        ref={inputRef}
        id="inbox-search"
        type="search"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => e.key === "Escape" && e.currentTarget.blur()}
        placeholder="Search names, emails, subjects, messages, #number   /"
        className="w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
      />
    </form>
  );
}

export function SortAndFilter() {
  const { sort, priority, navigate } = useInboxUrl();
  return (
    <div className="flex items-center gap-2">
      <label className="flex items-center gap-1 text-xs text-slate-500">
        Sort
        <select className={selectClass} value={sort} onChange={(e) => navigate({ sort: e.target.value })}>
          <option value="newest">Newest</option>
          <option value="oldest">Oldest</option>
          <option value="priority">Priority</option>
          <option value="due">Due soonest</option>
        </select>
      </label>
      <label className="flex items-center gap-1 text-xs text-slate-500">
        Priority
        <select className={selectClass} value={priority} onChange={(e) => navigate({ priority: e.target.value })}>
          <option value="">Any</option>
          <option value="urgent">Urgent</option>
          <option value="high">High</option>
          <option value="normal">Normal</option>
          <option value="low">Low</option>
        </select>
      </label>
    </div>
  );
}

type BulkProps = { count: number; directory: InboxDirectory | undefined; onApply: (change: ConversationAction) => void; onClear: () => void; busy: boolean };

/** Shown while conversations are selected: resolve, assign or tag them all at once. */
export function BulkBar({ count, directory, onApply, onClear, busy }: BulkProps) {
  const [tag, setTag] = useState("");
  return (
    <div role="toolbar" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 border-b border-indigo-200 bg-indigo-50 px-3 py-2 text-xs dark:border-indigo-900 dark:bg-indigo-950/50">
      <span className="font-medium">{count} selected</span>
      <Button size="sm" variant="primary" disabled={busy} onClick={() => onApply({ action: "resolve" })}>
        Resolve
      </Button>
      <label className="sr-only" htmlFor="bulk-assign">Assign selected to</label>
      <select
        id="bulk-assign"
        className={selectClass}
        value=""
        disabled={busy}
        onChange={(e) => e.target.value && onApply({ action: "assign", agent_id: e.target.value === "none" ? null : e.target.value })}
      >
        <option value="">Assign to…</option>
        <option value="none">Unassigned</option>
        {directory?.agents.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      <form
        className="flex items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          if (tag.trim()) onApply({ action: "add_tag", tag: tag.trim() });
          setTag("");
        }}
      >
        <label className="sr-only" htmlFor="bulk-tag">Tag selected</label>
        <input id="bulk-tag" list="known-tags-bulk" value={tag} onChange={(e) => setTag(e.target.value)} placeholder="Add tag" className={`${selectClass} w-24`} />
        <datalist id="known-tags-bulk">
          {directory?.tags.map((t) => (
            <option key={t.id} value={t.name} />
          ))}
        </datalist>
        <Button size="sm" type="submit" disabled={busy || !tag.trim()}>
          Tag
        </Button>
      </form>
      <label className="sr-only" htmlFor="bulk-priority">Set priority of selected</label>
      <select id="bulk-priority" className={selectClass} value="" disabled={busy} onChange={(e) => e.target.value && onApply({ action: "set_priority", priority: e.target.value as "normal" })}>
        <option value="">Priority…</option>
        {["low", "normal", "high", "urgent"].map((p) => (
          <option key={p} value={p}>
            {p[0]!.toUpperCase() + p.slice(1)}
          </option>
        ))}
      </select>
      <label className="sr-only" htmlFor="bulk-team">Move selected to team</label>
      <select id="bulk-team" className={selectClass} value="" disabled={busy} onChange={(e) => e.target.value && onApply({ action: "set_team", team_id: e.target.value === "none" ? null : e.target.value })}>
        <option value="">Team…</option>
        <option value="none">No team</option>
        {directory?.teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <label className="sr-only" htmlFor="bulk-snooze">Snooze selected</label>
      <select id="bulk-snooze" className={selectClass} value="" disabled={busy} onChange={(e) => e.target.value && onApply({ action: "snooze", until: snoozePresets()[Number(e.target.value)]!.until.toISOString() })}>
        <option value="">Snooze…</option>
        {snoozePresets().map((p, i) => (
          <option key={p.label} value={i}>
            {p.label} ({formatPresetDate(p.until)})
          </option>
        ))}
      </select>
      <Button size="sm" disabled={busy} onClick={() => onApply({ action: "set_pending" })}>
        Pending
      </Button>
      <Button size="sm" variant="ghost" onClick={onClear}>
        Clear
      </Button>
    </div>
  );
}
