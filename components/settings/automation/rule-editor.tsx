"use client";

import { useEffect, useState } from "react";
import { createRuleAction, updateRuleAction } from "@/components/settings/automation/actions";
import { ACTION_LABELS, EVENT_LABELS } from "@/lib/automation/describe-rule";
import { AUTOMATION_EVENTS, ruleFormSchema, type Action, type Conditions } from "@/lib/automation/schemas";
import { CheckboxField, SelectField, TextField } from "../fields";
import { FormStatus } from "../form-status";
import { buttonClass, secondaryButtonClass } from "../styles";
import { useSettingsForm } from "../use-settings-form";
import { ActionFields, actionFromDraft, draftFromAction, type ActionDraft } from "./action-fields";

type Option = { value: string; label: string };
export type RuleOptions = { teams: Option[]; agents: Option[]; cannedReplies: Option[] };
export type StoredRule = { id: string; name: string; enabled: boolean; event: string; conditions: unknown; actions: unknown };

const CHANNELS = ["web", "email", "api"] as const;
const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
const list = (text: string) => text.split(",").map((s) => s.trim()).filter(Boolean);

/** Creates a rule, or edits `rule`: the whole rule travels as one JSON field, checked by the same schema on both sides. */
export function RuleEditor({ options, rule, onDone }: { options: RuleOptions; rule?: StoredRule; onDone?: () => void }) {
  const c = (rule?.conditions ?? {}) as Conditions;
  const [name, setName] = useState(rule?.name ?? "");
  const [event, setEvent] = useState(rule?.event ?? "conversation_created");
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const [channels, setChannels] = useState<string[]>(c.channels ?? []);
  const [priorities, setPriorities] = useState<string[]>(c.priorities ?? []);
  const [tags, setTags] = useState((c.tags ?? []).join(", "));
  const [text, setText] = useState(c.text_contains ?? "");
  const [attrKey, setAttrKey] = useState(c.requester_attribute?.key ?? "");
  const [attrValue, setAttrValue] = useState(c.requester_attribute?.value ?? "");
  const [hours, setHours] = useState(c.business_hours ?? "");
  const [actions, setActions] = useState<ActionDraft[]>(((rule?.actions ?? [{ type: "add_tags", tags: [] }]) as Action[]).map(draftFromAction));
  const { state, pending, onSubmit, errorFor } = useSettingsForm(rule ? updateRuleAction : createRuleAction, { schema: ruleFormSchema });

  useEffect(() => {
    if (state.status !== "ok") return;
    if (onDone) return onDone();
    setName("");
    setText("");
    setTags("");
    setActions([{ type: "add_tags", tags: "" }]);
  }, [state, onDone]);

  const conditions: Conditions = {
    ...(channels.length ? { channels: channels as Conditions["channels"] } : {}),
    ...(priorities.length ? { priorities: priorities as Conditions["priorities"] } : {}),
    ...(list(tags).length ? { tags: list(tags) } : {}),
    ...(text.trim() ? { text_contains: text.trim() } : {}),
    ...(attrKey.trim() ? { requester_attribute: { key: attrKey.trim(), value: attrValue } } : {}),
    ...(hours ? { business_hours: hours as "open" | "closed" } : {}),
  };
  const json = JSON.stringify({ name, enabled, event, conditions, actions: actions.map(actionFromDraft) });
  const toggle = (values: string[], set: (v: string[]) => void, value: string) => set(values.includes(value) ? values.filter((v) => v !== value) : [...values, value]);
  const prefix = rule ? `rule-${rule.id}` : "new-rule";
  // The name's error shows beside its field; the others (conditions, actions) are listed above the buttons.
  const fieldErrors = state.status === "error" ? Object.entries(state.fieldErrors ?? {}).filter(([path]) => path !== "rule.name") : [];

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {rule && <input type="hidden" name="id" value={rule.id} />}
      <input type="hidden" name="rule" value={json} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Rule name" name="rule-name" id={`${prefix}-name`} value={name} onChange={(e) => setName(e.target.value)} error={errorFor("rule.name")} maxLength={100} />
        <SelectField label="When" name="rule-event" id={`${prefix}-event`} value={event} onChange={(e) => setEvent(e.target.value)}
          options={AUTOMATION_EVENTS.map((e) => ({ value: e, label: EVENT_LABELS[e] }))} />
      </div>
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-800">
        <legend className="px-1 text-sm font-medium">Only if (all that are filled in)</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          <span className="text-slate-500">Channel:</span>
          {CHANNELS.map((ch) => <CheckboxField key={ch} label={ch} name={`${prefix}-ch-${ch}`} checked={channels.includes(ch)} onChange={() => toggle(channels, setChannels, ch)} />)}
          <span className="text-slate-500">Priority:</span>
          {PRIORITIES.map((p) => <CheckboxField key={p} label={p} name={`${prefix}-pr-${p}`} checked={priorities.includes(p)} onChange={() => toggle(priorities, setPriorities, p)} />)}
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label="Subject or message contains" name="rule-text" id={`${prefix}-text`} value={text} onChange={(e) => setText(e.target.value)} />
          <TextField label="Has any of these tags" name="rule-tags" id={`${prefix}-tags`} value={tags} onChange={(e) => setTags(e.target.value)} hint="Comma-separated" />
          <TextField label="Requester attribute" name="rule-attr-key" id={`${prefix}-attr-key`} value={attrKey} onChange={(e) => setAttrKey(e.target.value)} placeholder="plan" />
          <TextField label="equals" name="rule-attr-value" id={`${prefix}-attr-value`} value={attrValue} onChange={(e) => setAttrValue(e.target.value)} placeholder="enterprise" />
          <SelectField label="Business hours" name="rule-hours" id={`${prefix}-hours`} value={hours} onChange={(e) => setHours(e.target.value as typeof hours)}
            options={[{ value: "", label: "Any time" }, { value: "open", label: "Within business hours" }, { value: "closed", label: "Outside business hours" }]} />
        </div>
      </fieldset>
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-800">
        <legend className="px-1 text-sm font-medium">Then</legend>
        {actions.map((draft, i) => (
          <ActionFields key={i} id={`${prefix}-action-${i}`} draft={draft} options={options} labels={ACTION_LABELS}
            onChange={(next) => setActions(actions.map((a, j) => (j === i ? next : a)))}
            onRemove={actions.length > 1 ? () => setActions(actions.filter((_, j) => j !== i)) : undefined} />
        ))}
        <button type="button" className={secondaryButtonClass} onClick={() => setActions([...actions, { type: "add_tags", tags: "" }])}>Add action</button>
      </fieldset>
      <CheckboxField label="Enabled" name="rule-enabled" id={`${prefix}-enabled`} checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
      {fieldErrors.length > 0 && (
        <ul className="list-inside list-disc text-xs text-red-600 dark:text-red-400">
          {fieldErrors.map(([path, message]) => <li key={path}>{path.replace(/^rule\./, "")}: {message}</li>)}
        </ul>
      )}
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className={buttonClass}>{rule ? "Save rule" : "Create rule"}</button>
        {onDone && <button type="button" onClick={onDone} className={secondaryButtonClass}>Cancel</button>}
      </div>
      <FormStatus state={state} />
    </form>
  );
}
