"use client";

import Link from "next/link";
import { createSlaPolicyAction, updateSlaPolicyAction } from "@/components/settings/slas/actions";
import { slaPolicySchema, updateSlaPolicySchema } from "@/lib/sla/schemas";
import { CheckboxField, SelectField, TextField } from "../fields";
import { FormStatus } from "../form-status";
import { buttonClass } from "../styles";
import { useSettingsForm } from "../use-settings-form";

type Choice = { id: string; name: string };
/** A stored policy as the form shows it (targets in minutes). */
export type SlaPolicyDraft = {
  id: string;
  name: string;
  priority: string | null;
  teamId: string | null;
  tagId: string | null;
  firstResponseSeconds: number | null;
  nextResponseSeconds: number | null;
  resolutionSeconds: number | null;
  businessHours: boolean;
  position: number;
};

const minutes = (seconds: number | null) => (seconds ? String(Math.round(seconds / 60)) : "");

/** Creates a policy, or edits `policy` when given (the same fields, the same schema). */
export function SlaPolicyForm({ teams, tags, policy }: { teams: Choice[]; tags: Choice[]; policy?: SlaPolicyDraft }) {
  const editing = Boolean(policy);
  const { state, pending, onSubmit, formRef, errorFor } = useSettingsForm(editing ? updateSlaPolicyAction : createSlaPolicyAction, {
    schema: editing ? updateSlaPolicySchema : slaPolicySchema,
    resetOnSuccess: !editing,
  });
  const any = { value: "", label: "Any" };
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      {policy && <input type="hidden" name="id" value={policy.id} />}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <TextField label="Name" name="name" id="sla-name" error={errorFor("name")} maxLength={100} required defaultValue={policy?.name} />
        <SelectField label="Priority" name="priority" id="sla-priority" defaultValue={policy?.priority ?? ""} options={[any, ...["low", "normal", "high", "urgent"].map((p) => ({ value: p, label: p }))]} />
        <SelectField label="Team" name="team_id" id="sla-team" defaultValue={policy?.teamId ?? ""} options={[any, ...teams.map((t) => ({ value: t.id, label: t.name }))]} error={errorFor("team_id")} />
        <SelectField label="Tag" name="tag_id" id="sla-tag" defaultValue={policy?.tagId ?? ""} options={[any, ...tags.map((t) => ({ value: t.id, label: t.name }))]} error={errorFor("tag_id")} />
        <TextField label="First response (minutes)" name="first_response_minutes" id="sla-first" inputMode="numeric" defaultValue={minutes(policy?.firstResponseSeconds ?? null)} error={errorFor("first_response_minutes")} />
        <TextField label="Next response (minutes)" name="next_response_minutes" id="sla-next" inputMode="numeric" defaultValue={minutes(policy?.nextResponseSeconds ?? null)} error={errorFor("next_response_minutes")} />
        <TextField label="Resolution (minutes)" name="resolution_minutes" id="sla-resolution" inputMode="numeric" defaultValue={minutes(policy?.resolutionSeconds ?? null)} error={errorFor("resolution_minutes")} />
        <TextField label="Order" name="position" id="sla-position" inputMode="numeric" defaultValue={String(policy?.position ?? 0)} hint="Lower first; the first match applies" error={errorFor("position")} />
      </div>
      <CheckboxField label="Count business hours only (Settings → Business hours)" name="business_hours" id="sla-business-hours" defaultChecked={policy?.businessHours ?? true} />
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass}>{editing ? "Save SLA policy" : "Create SLA policy"}</button>
        {editing && <Link href="/settings/slas" className="text-sm text-slate-600 underline dark:text-slate-300">Done</Link>}
      </div>
      <FormStatus state={state} />
    </form>
  );
}
