"use client";

import { useState } from "react";
import { deleteRuleAction, reorderRulesAction, toggleRuleAction } from "@/components/settings/automation/actions";
import { describeAction, describeConditions, EVENT_LABELS } from "@/lib/automation/describe-rule";
import type { Action, AutomationEvent, Conditions } from "@/lib/automation/schemas";
import { ActionButton } from "../action-button";
import { secondaryButtonClass } from "../styles";
import { RuleEditor, type RuleOptions, type StoredRule } from "./rule-editor";

type Props = { rule: StoredRule & { position: number }; index: number; ids: string[]; options: RuleOptions };

const moved = (ids: string[], from: number, to: number) => {
  const next = [...ids];
  const [id] = next.splice(from, 1);
  next.splice(to, 0, id!);
  return next.join(",");
};

export function RuleRow({ rule, index, ids, options }: Props) {
  const [editing, setEditing] = useState(false);
  const names = Object.fromEntries([...options.teams, ...options.agents, ...options.cannedReplies].map((o) => [o.value, o.label]));
  if (editing) {
    return (
      <li className="py-3">
        <RuleEditor options={options} rule={rule} onDone={() => setEditing(false)} />
      </li>
    );
  }
  return (
    <li className="flex flex-wrap items-start justify-between gap-2 py-3" aria-label={`Rule ${rule.name}`}>
      <div className="min-w-0 flex-1">
        <p className="font-medium">
          {index + 1}. {rule.name}{" "}
          {!rule.enabled && <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">disabled</span>}
        </p>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          When <strong>{EVENT_LABELS[rule.event as AutomationEvent] ?? rule.event}</strong>, if {describeConditions(rule.conditions as Conditions)}:{" "}
          {(rule.actions as Action[]).map((a) => describeAction(a, names)).join("; ")}
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        {index > 0 && <ActionButton action={reorderRulesAction} fields={{ ids: moved(ids, index, index - 1) }} label="↑" accessibleLabel={`Move rule ${rule.name} up`} />}
        {index < ids.length - 1 && <ActionButton action={reorderRulesAction} fields={{ ids: moved(ids, index, index + 1) }} label="↓" accessibleLabel={`Move rule ${rule.name} down`} />}
        <ActionButton action={toggleRuleAction} fields={{ id: rule.id, enabled: String(!rule.enabled) }} label={rule.enabled ? "Disable" : "Enable"}
          accessibleLabel={`${rule.enabled ? "Disable" : "Enable"} rule ${rule.name}`} />
        <button type="button" onClick={() => setEditing(true)} className={secondaryButtonClass} aria-label={`Edit rule ${rule.name}`}>Edit</button>
        <ActionButton action={deleteRuleAction} fields={{ id: rule.id }} label="Delete" accessibleLabel={`Delete rule ${rule.name}`} danger confirm={`Delete the rule "${rule.name}"?`} />
      </div>
    </li>
  );
}
