"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { deleteWebhookAction, revealWebhookSecretAction, rotateWebhookSecretAction, updateWebhookAction } from "@/components/settings/webhooks/actions";
import { rotateWebhookFormSchema, updateWebhookFormSchema } from "@/lib/webhooks/admin-schemas";
import { CopyButton } from "../copy-button";
import { SelectField } from "../fields";
import { FormStatus } from "../form-status";
import { buttonClass, dangerButtonClass, secondaryButtonClass } from "../styles";
import { useSettingsForm } from "../use-settings-form";
import { EndpointFields } from "./endpoint-fields";

type Endpoint = { id: string; url: string; description: string | null; events: string[]; enabled: boolean };

export function EditWebhookForm({ endpoint }: { endpoint: Endpoint }) {
  const { state, pending, onSubmit, errorFor } = useSettingsForm(updateWebhookAction, { schema: updateWebhookFormSchema });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="id" value={endpoint.id} />
      <EndpointFields idPrefix="webhook" defaults={endpoint} errorFor={errorFor} />
      <FormStatus state={state} />
      <button type="submit" disabled={pending} className={buttonClass}>Save endpoint</button>
    </form>
  );
}

const GRACE = [
  { value: 0, label: "None" },
  { value: 1, label: "1 hour" },
  { value: 24, label: "24 hours" },
  { value: 72, label: "3 days" },
  { value: 168, label: "7 days" },
];

export function WebhookSecretCard({ id }: { id: string }) {
  const reveal = useSettingsForm(revealWebhookSecretAction);
  const rotate = useSettingsForm(rotateWebhookSecretAction, { schema: rotateWebhookFormSchema });
  const secret = rotate.state.status === "ok" ? rotate.state.result?.secret : reveal.state.status === "ok" ? reveal.state.result?.secret : undefined;
  return (
    <div className="space-y-3">
      {secret ? (
        <div className="flex flex-wrap items-center gap-2">
          <code data-testid="webhook-secret" className="break-all rounded bg-slate-100 px-2 py-1 text-sm dark:bg-slate-800">{secret}</code>
          <CopyButton value={secret} label="Copy secret" />
        </div>
      ) : (
        <form onSubmit={reveal.onSubmit}>
          <input type="hidden" name="id" value={id} />
          <button type="submit" disabled={reveal.pending} className={secondaryButtonClass}>Reveal secret</button>
        </form>
      )}
      {rotate.state.status === "ok" && <p role="status" className="text-sm text-emerald-700 dark:text-emerald-300">New secret issued. During the grace period deliveries carry both signatures.</p>}
      <form onSubmit={(e) => (window.confirm("Rotate this endpoint's signing secret?") ? rotate.onSubmit(e) : e.preventDefault())} noValidate
        className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="id" value={id} />
        <div className="min-w-48"><SelectField label="Old secret keeps signing for" name="graceHours" id="webhook-grace" defaultValue={24} options={GRACE} error={rotate.errorFor("graceHours")} /></div>
        <button type="submit" disabled={rotate.pending} className={dangerButtonClass}>Rotate secret</button>
      </form>
      {rotate.state.status === "error" && <FormStatus state={rotate.state} />}
      {reveal.state.status === "error" && <FormStatus state={reveal.state} />}
    </div>
  );
}

export function DeleteWebhookButton({ id, url }: { id: string; url: string }) {
  const router = useRouter();
  const { state, pending, onSubmit } = useSettingsForm(deleteWebhookAction);
  useEffect(() => {
    if (state.status === "ok") router.push("/settings/webhooks");
  }, [state, router]);
  return (
    <form onSubmit={(e) => (window.confirm(`Delete the endpoint ${url} and its delivery log?`) ? onSubmit(e) : e.preventDefault())}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className={dangerButtonClass}>Delete endpoint</button>
      {state.status === "error" && <FormStatus state={state} />}
    </form>
  );
}
