"use client";

import { useMemo } from "react";
import { updateOrganizationAction } from "@/components/settings/organization/actions";
import { updateOrganizationSchema } from "@/lib/organizations/schemas";
import { SelectField, TextareaField, TextField } from "../fields";
import { FormStatus } from "../form-status";
import { buttonClass } from "../styles";
import { useSettingsForm } from "../use-settings-form";

type Defaults = { name: string; timeZone: string; rateLimitPerMinute: number; allowedOrigins: string[] };

// The zone list comes from the server: browsers and Node ship different ICU data, and a list computed on each
// side would not match when the page hydrates.

export function OrganizationForm({ defaults, timeZones }: { defaults: Defaults; timeZones: readonly string[] }) {
  const { state, pending, onSubmit, errorFor } = useSettingsForm(updateOrganizationAction, { schema: updateOrganizationSchema });
  const zones = useMemo(() => {
    return (timeZones.includes(defaults.timeZone) ? timeZones : [defaults.timeZone, ...timeZones]).map((z) => ({ value: z, label: z.replace(/_/g, " ") }));
  }, [defaults.timeZone, timeZones]);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField label="Name" name="name" id="org-name" defaultValue={defaults.name} error={errorFor("name")} maxLength={200} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Time zone" name="timeZone" id="org-time-zone" defaultValue={defaults.timeZone} error={errorFor("timeZone")} options={zones}
          hint="Business hours, holidays and reports use it." />
        <TextField label="API rate limit (requests per minute per key, per end user for client keys)" name="rateLimitPerMinute" id="org-rate-limit" type="number" min={1} max={100000}
          defaultValue={defaults.rateLimitPerMinute} error={errorFor("rateLimitPerMinute")} />
      </div>
      <TextareaField label="Allowed origins for client keys (one per line)" name="allowedOrigins" id="org-allowed-origins" rows={3}
        defaultValue={defaults.allowedOrigins.join("\n")} error={errorFor("allowedOrigins")} placeholder={"https://shop.example.com\n*.example.com"}
        hint="Browsers may use client keys (pk_…) only from these origins; empty allows any. Server keys never work from a browser." />
      <FormStatus state={state} />
      <button type="submit" disabled={pending} className={buttonClass}>Save</button>
    </form>
  );
}
