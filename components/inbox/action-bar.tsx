"use client";

import type { ConversationAction } from "@/lib/inbox/action-schemas";
import type { InboxDirectory } from "@/lib/inbox/get-directory";
import type { InboxThread } from "@/lib/inbox/get-thread";
import { Button } from "../ui/button";
import { Kbd } from "../ui/kbd";

type Props = {
  conversation: InboxThread["conversation"];
  directory: InboxDirectory | undefined;
  meId: string;
  act: (action: ConversationAction) => void;
  onSnooze: () => void;
  onMerge: () => void;
};

const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";

export function ActionBar({ conversation: c, directory, meId, act, onSnooze, onMerge }: Props) {
  const done = c.status === "resolved" || c.status === "closed";
  return (
    <div role="toolbar" aria-label="Conversation actions" className="flex flex-wrap items-center gap-2">
      {!c.assignee ? (
        <Button onClick={() => act({ action: "claim" })} title="Assign to me (a)">
          Assign to me <Kbd>a</Kbd>
        </Button>
      ) : c.assignee.id !== meId ? (
        <Button onClick={() => act({ action: "claim", force: true })} title={`Take over from ${c.assignee.name}`}>
          Take over from {c.assignee.name}
        </Button>
      ) : null}
      <label className="sr-only" htmlFor="assignee-select">Assignee</label>
      <select id="assignee-select" className={selectClass} value={c.assignee?.id ?? ""} onChange={(e) => act({ action: "assign", agent_id: e.target.value || null })}>
        <option value="">Unassigned</option>
        {directory?.agents.map((a) => (
          <option key={a.id} value={a.id}>
            {a.id === meId ? `${a.name} (me)` : a.name}
          </option>
        ))}
      </select>
      <label className="sr-only" htmlFor="team-select">Team</label>
      <select id="team-select" className={selectClass} value={c.team?.id ?? ""} onChange={(e) => act({ action: "set_team", team_id: e.target.value || null })}>
        <option value="">No team</option>
        {directory?.teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <label className="sr-only" htmlFor="priority-select">Priority</label>
      <select id="priority-select" className={selectClass} value={c.priority} onChange={(e) => act({ action: "set_priority", priority: e.target.value as "normal" })}>
        {["low", "normal", "high", "urgent"].map((p) => (
          <option key={p} value={p}>
            {p[0]!.toUpperCase() + p.slice(1)} priority
          </option>
        ))}
      </select>
      <Button onClick={onSnooze} title="Snooze (s)">
        Snooze <Kbd>s</Kbd>
      </Button>
      {c.merged_into_id ? (
        <Button onClick={() => act({ action: "unmerge" })}>Undo merge</Button>
      ) : (
        <Button onClick={onMerge}>Merge…</Button>
      )}
      {c.status !== "open" && (
        <Button variant={done ? "primary" : "secondary"} onClick={() => act({ action: "reopen" })}>
          {c.status === "snoozed" ? "Unsnooze" : "Reopen"}
        </Button>
      )}
      {done ? null : (
        <Button variant="primary" onClick={() => act({ action: "resolve" })} title="Resolve (e)">
          Resolve <Kbd>e</Kbd>
        </Button>
      )}
    </div>
  );
}
