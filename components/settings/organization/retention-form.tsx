"use client";

import { updateRetentionAction } from "@/components/settings/organization/actions";
import { retentionSchema } from "@/lib/privacy/schemas";
import { TextField } from "../fields";
import { FormStatus } from "../form-status";
import { buttonClass } from "../styles";
import { useSettingsForm } from "../use-settings-form";

export function RetentionForm({ days }: { days: number | null }) {
  const { state, pending, onSubmit, errorFor } = useSettingsForm(updateRetentionAction, { schema: retentionSchema });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField
        label="Anonymize closed conversations after (days)"
        name="anonymize_closed_after_days"
        id="org-retention-days"
        type="number"
        min={1}
        max={3650}
        placeholder="Off"
        defaultValue={days ?? ""}
        error={errorFor("anonymize_closed_after_days")}
        hint="Leave empty to keep conversations forever. Conversations tagged legal-hold are never anonymized. Irreversible."
      />
      <FormStatus state={state} />
      <button type="submit" disabled={pending} className={buttonClass}>Save retention</button>
    </form>
  );
}
