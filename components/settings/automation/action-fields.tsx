"use client";

import type { Action } from "@/lib/automation/schemas";
import { SelectField, TextField } from "../fields";
import { secondaryButtonClass } from "../styles";

type Option = { value: string; label: string };
/** One action as the form holds it: every parameter as text until the rule is sent. */
export type ActionDraft = { type: Action["type"] } & Record<string, string>;

export function draftFromAction(a: Action): ActionDraft {
  const { type, ...rest } = a;
  return { type, ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : v === null ? "" : String(v)])) };
}

/** Back to the schema's shape; anything wrong is reported by the schema, next to the form. */
export function actionFromDraft(d: ActionDraft): unknown {
  switch (d.type) {
    case "add_tags":
      return { type: d.type, tags: (d.tags ?? "").split(",").map((s) => s.trim()).filter(Boolean) };
    case "round_robin":
      return { type: d.type, team_id: d.team_id || null, max_open: Number(d.max_open || 10) };
    case "snooze":
      return { type: d.type, minutes: Number(d.minutes || 0) };
    case "resolve":
      return { type: d.type };
    default: {
      const { type, ...rest } = d;
      return { type, ...rest };
    }
  }
}

type Props = {
  id: string;
  draft: ActionDraft;
  options: { teams: Option[]; agents: Option[]; cannedReplies: Option[] };
  labels: Record<Action["type"], string>;
  onChange: (next: ActionDraft) => void;
  onRemove?: () => void;
};

export function ActionFields({ id, draft, options, labels, onChange, onRemove }: Props) {
  const set = (key: string) => (e: { target: { value: string } }) => onChange({ ...draft, [key]: e.target.value });
  const pick = (label: string, key: string, opts: Option[], extra: Option[] = []) => (
    <SelectField label={label} name={`${id}-${key}`} id={`${id}-${key}`} value={draft[key] ?? ""} onChange={set(key)}
      options={[...extra, ...(draft[key] || extra.length ? [] : [{ value: "", label: "Choose…" }]), ...opts]} />
  );
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="min-w-56">
        <SelectField label="Action" name={`${id}-type`} id={`${id}-type`} value={draft.type}
          onChange={(e) => onChange({ type: e.target.value as Action["type"] })}
          options={Object.entries(labels).map(([value, label]) => ({ value, label }))} />
      </div>
      <div className="min-w-56 flex-1">
        {draft.type === "assign_team" && pick("Team", "team_id", options.teams)}
        {draft.type === "assign_agent" && pick("Agent", "agent_id", options.agents)}
        {draft.type === "round_robin" && (
          <div className="flex gap-3">
            {pick("Among", "team_id", options.teams, [{ value: "", label: "All agents" }])}
            <TextField label="Max open each" name={`${id}-max`} id={`${id}-max`} type="number" min={1} value={draft.max_open ?? "10"} onChange={set("max_open")} />
          </div>
        )}
        {draft.type === "add_tags" && <TextField label="Tags" name={`${id}-tags`} id={`${id}-tags`} value={draft.tags ?? ""} onChange={set("tags")} hint="Comma-separated" />}
        {draft.type === "set_priority" && pick("Priority", "priority", ["low", "normal", "high", "urgent"].map((p) => ({ value: p, label: p })))}
        {draft.type === "send_canned_reply" && pick("Canned reply (shared)", "canned_reply_id", options.cannedReplies)}
        {draft.type === "snooze" && <TextField label="Minutes" name={`${id}-minutes`} id={`${id}-minutes`} type="number" min={1} value={draft.minutes ?? "60"} onChange={set("minutes")} />}
        {draft.type === "call_webhook" && <TextField label="URL" name={`${id}-url`} id={`${id}-url`} type="url" value={draft.url ?? ""} onChange={set("url")} placeholder="https://example.com/hook" />}
      </div>
      {onRemove && <button type="button" className={secondaryButtonClass} onClick={onRemove} aria-label="Remove action">Remove</button>}
    </div>
  );
}
