"use client";

import { dangerButtonClass, secondaryButtonClass } from "./styles";
import { useSettingsForm, type SettingsAction } from "./use-settings-form";

type Props = {
  action: SettingsAction<unknown>;
  fields: Record<string, string>;
  label: string;
  /** Names the row for screen readers, e.g. "Delete tag VIP". */
  accessibleLabel?: string;
  confirm?: string;
  danger?: boolean;
};

/** A one-button form for row actions (delete, revoke, deactivate), with its error shown beside it. */
export function ActionButton({ action, fields, label, accessibleLabel, confirm, danger }: Props) {
  const { state, pending, onSubmit } = useSettingsForm(action);
  return (
    <form
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) return event.preventDefault();
        onSubmit(event);
      }}
      className="inline-flex flex-col items-start gap-1"
    >
      {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <button type="submit" disabled={pending} aria-label={accessibleLabel} className={danger ? dangerButtonClass : secondaryButtonClass}>
        {label}
      </button>
      {state.status === "error" && <span role="alert" className="text-xs text-red-600 dark:text-red-400">{state.message}</span>}
    </form>
  );
}
