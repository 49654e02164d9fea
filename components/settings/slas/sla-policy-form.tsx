"use client";

import { createSlaPolicyAction } from "@/app/settings/slas/actions";
import { slaPolicySchema } from "@/lib/sla/schemas";
import { CheckboxField, SelectField, TextField } from "../fields";
import { FormStatus } from "../form-status";
import { buttonClass } from "../styles";
import { useSettingsForm } from "../use-settings-form";

type Choice = { id: string; name: string };

export function CreateSlaPolicyForm({ teams, tags }: { teams: Choice[]; tags: Choice[] }) {
  const { state, pending, onSubmit, formRef, errorFor } = useSettingsForm(createSlaPolicyAction, { schema: slaPolicySchema, resetOnSuccess: true });
  const any = { value: "", label: "Any" };
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <TextField label="Name" name="name" id="sla-name" error={errorFor("name")} maxLength={100} required />
        <SelectField label="Priority" name="priority" id="sla-priority" options={[any, ...["low", "normal", "high", "urgent"].map((p) => ({ value: p, label: p }))]} />
        <SelectField label="Team" name="team_id" id="sla-team" options={[any, ...teams.map((t) => ({ value: t.id, label: t.name }))]} error={errorFor("team_id")} />
        <SelectField label="Tag" name="tag_id" id="sla-tag" options={[any, ...tags.map((t) => ({ value: t.id, label: t.name }))]} error={errorFor("tag_id")} />
        <TextField label="First response (minutes)" name="first_response_minutes" id="sla-first" inputMode="numeric" error={errorFor("first_response_minutes")} />
        <TextField label="Next response (minutes)" name="next_response_minutes" id="sla-next" inputMode="numeric" error={errorFor("next_response_minutes")} />
        <TextField label="Resolution (minutes)" name="resolution_minutes" id="sla-resolution" inputMode="numeric" error={errorFor("resolution_minutes")} />
        <TextField label="Order" name="position" id="sla-position" inputMode="numeric" defaultValue="0" hint="Lower first; the first match applies" error={errorFor("position")} />
      </div>
      <CheckboxField label="Count business hours only (Settings → Business hours)" name="business_hours" id="sla-business-hours" defaultChecked />
      <button type="submit" disabled={pending} className={buttonClass}>Create SLA policy</button>
      <FormStatus state={state} />
    </form>
  );
}
