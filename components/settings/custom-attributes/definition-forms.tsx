"use client";

import { useEffect, useState } from "react";
import { createDefinitionAction, deleteDefinitionAction, updateDefinitionAction } from "@/components/settings/custom-attributes/actions";
import { createDefinitionSchema, updateDefinitionSchema } from "@/lib/custom-attributes/definitions-schemas";
import { ActionButton } from "../action-button";
import { CheckboxField, SelectField, TextareaField, TextField } from "../fields";
import { FormStatus } from "../form-status";
import { buttonClass, secondaryButtonClass } from "../styles";
import { useSettingsForm } from "../use-settings-form";

const TYPES = [
  { value: "text", label: "Text" },
  { value: "number", label: "Number" },
  { value: "boolean", label: "Yes / no" },
  { value: "date", label: "Date" },
  { value: "select", label: "Select (list of options)" },
];

export function CreateDefinitionForm() {
  const { state, pending, onSubmit, formRef, errorFor } = useSettingsForm(createDefinitionAction, { schema: createDefinitionSchema, resetOnSuccess: true });
  const [type, setType] = useState("text");
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Applies to" name="entity" id="def-entity" error={errorFor("entity")}
          options={[{ value: "conversation", label: "Conversations" }, { value: "end_user", label: "End users" }]} />
        <SelectField label="Type" name="type" id="def-type" error={errorFor("type")} options={TYPES} value={type} onChange={(e) => setType(e.target.value)} />
        <TextField label="Key" name="key" id="def-key" placeholder="order_id" error={errorFor("key")} hint="Used in the API; cannot change later." />
        <TextField label="Label" name="label" id="def-label" placeholder="Order ID" error={errorFor("label")} />
      </div>
      {type === "select" && <TextareaField label="Options (one per line)" name="options" id="def-options" rows={4} error={errorFor("options")} />}
      <CheckboxField label="Required" name="required" id="def-required" />
      <CheckboxField label="Visible to end users (client keys, the widget)" name="public" id="def-public" />
      <FormStatus state={state} />
      <button type="submit" disabled={pending} className={buttonClass}>Create attribute</button>
    </form>
  );
}

type Definition = { id: string; key: string; label: string; type: string; options: string[]; required: boolean; public: boolean };

export function DefinitionRow({ definition: d }: { definition: Definition }) {
  const [editing, setEditing] = useState(false);
  const { state, pending, onSubmit, errorFor } = useSettingsForm(updateDefinitionAction, { schema: updateDefinitionSchema });
  useEffect(() => {
    if (state.status === "ok") setEditing(false);
  }, [state]);
  if (editing) {
    return (
      <li className="py-3">
        <form onSubmit={onSubmit} noValidate className="space-y-3">
          <input type="hidden" name="id" value={d.id} />
          <p className="text-sm"><code>{d.key}</code> · {d.type}</p>
          <TextField label="Label" name="label" id={`def-${d.id}-label`} defaultValue={d.label} error={errorFor("label")} />
          {d.type === "select" && (
            <TextareaField label="Options (one per line)" name="options" id={`def-${d.id}-options`} rows={4} defaultValue={d.options.join("\n")} error={errorFor("options")} />
          )}
          <CheckboxField label="Required" name="required" id={`def-${d.id}-required`} defaultChecked={d.required} />
          <CheckboxField label="Visible to end users (client keys, the widget)" name="public" id={`def-${d.id}-public`} defaultChecked={d.public} />
          <FormStatus state={state} />
          <div className="flex gap-2">
            <button type="submit" disabled={pending} className={buttonClass}>Save</button>
            <button type="button" onClick={() => setEditing(false)} className={secondaryButtonClass}>Cancel</button>
          </div>
        </form>
      </li>
    );
  }
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-3">
      <div>
        <p className="font-medium">{d.label} {d.required && <span className="text-xs font-normal text-amber-700 dark:text-amber-400">required</span>} {d.public && <span className="text-xs font-normal text-sky-700 dark:text-sky-400">visible to end users</span>}</p>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          <code>{d.key}</code> · {d.type}{d.type === "select" && `: ${d.options.join(", ")}`}
        </p>
      </div>
      <span className="flex gap-2">
        <button type="button" onClick={() => setEditing(true)} className={secondaryButtonClass} aria-label={`Edit attribute ${d.label}`}>Edit</button>
        <ActionButton action={deleteDefinitionAction} fields={{ id: d.id }} label="Delete" danger accessibleLabel={`Delete attribute ${d.label}`}
          confirm={`Delete "${d.label}"? Stored values stay but are no longer shown or validated.`} />
      </span>
    </li>
  );
}
