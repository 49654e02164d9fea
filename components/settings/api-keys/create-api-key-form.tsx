"use client";

import { createApiKeyAction } from "@/components/settings/api-keys/actions";
import { createKeySchema } from "@/lib/keys/schemas";
import { CopyButton } from "../copy-button";
import { SelectField, TextField } from "../fields";
import { FormStatus } from "../form-status";
import { buttonClass } from "../styles";
import { useSettingsForm } from "../use-settings-form";

export function CreateApiKeyForm() {
  const { state, pending, onSubmit, formRef, errorFor } = useSettingsForm(createApiKeyAction, { schema: createKeySchema, resetOnSuccess: true });
  const created = state.status === "ok" ? state.result : undefined;
  return (
    <div className="space-y-4">
      <form ref={formRef} onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-start">
        <TextField label="Name" name="name" id="key-name" placeholder="e.g. Zapier integration" error={errorFor("name")} maxLength={100} />
        <SelectField label="Kind" name="kind" id="key-kind" error={errorFor("kind")}
          options={[{ value: "server", label: "Server (secret)" }, { value: "client", label: "Client (publishable)" }]} />
        <SelectField label="Mode" name="mode" id="key-mode" error={errorFor("mode")}
          options={[{ value: "live", label: "Live" }, { value: "test", label: "Test (sandbox)" }]} />
        <button type="submit" disabled={pending} className={`${buttonClass} sm:mt-6`}>Create key</button>
      </form>
      {state.status === "error" && <FormStatus state={state} />}
      {created && (
        <div role="status" className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-3 dark:border-emerald-800 dark:bg-emerald-950">
          <p className="text-sm font-medium text-emerald-900 dark:text-emerald-200">Copy this key now: it is shown only once and cannot be retrieved later.</p>
          <div className="flex flex-wrap items-center gap-2">
            <code data-testid="new-api-key" className="break-all rounded bg-white px-2 py-1 text-sm dark:bg-slate-900">{created.key}</code>
            <CopyButton value={created.key} label="Copy key" />
          </div>
        </div>
      )}
    </div>
  );
}
