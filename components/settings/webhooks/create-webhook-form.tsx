"use client";

import Link from "next/link";
import { createWebhookAction } from "@/components/settings/webhooks/actions";
import { createWebhookFormSchema } from "@/lib/webhooks/admin-schemas";
import { CopyButton } from "../copy-button";
import { FormStatus } from "../form-status";
import { buttonClass } from "../styles";
import { useSettingsForm } from "../use-settings-form";
import { EndpointFields } from "./endpoint-fields";

export function CreateWebhookForm() {
  const { state, pending, onSubmit, formRef, errorFor } = useSettingsForm(createWebhookAction, { schema: createWebhookFormSchema, resetOnSuccess: true });
  const created = state.status === "ok" ? state.result : undefined;
  return (
    <div className="space-y-4">
      <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
        <EndpointFields idPrefix="new-webhook" errorFor={errorFor} />
        {state.status === "error" && <FormStatus state={state} />}
        <button type="submit" disabled={pending} className={buttonClass}>Add endpoint</button>
      </form>
      {created && (
        <div role="status" className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-3 dark:border-emerald-800 dark:bg-emerald-950">
          <p className="text-sm font-medium text-emerald-900 dark:text-emerald-200">Endpoint added. Its signing secret, to verify deliveries:</p>
          <div className="flex flex-wrap items-center gap-2">
            <code data-testid="webhook-secret" className="break-all rounded bg-white px-2 py-1 text-sm dark:bg-slate-900">{created.secret}</code>
            <CopyButton value={created.secret} label="Copy secret" />
          </div>
          <Link href={`/settings/webhooks/${created.id}`} className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">Open the endpoint →</Link>
        </div>
      )}
    </div>
  );
}
