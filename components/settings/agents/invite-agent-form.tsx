"use client";

import { useEffect, useState } from "react";
import { inviteAgentAction } from "@/components/settings/agents/actions";
import { INVITATION_LIFETIMES, inviteAgentSchema } from "@/lib/agents/settings-schemas";
import { CopyButton } from "../copy-button";
import { SelectField, TextField } from "../fields";
import { FormStatus } from "../form-status";
import { buttonClass } from "../styles";
import { useSettingsForm } from "../use-settings-form";

export function InviteAgentForm({ canInviteOwner }: { canInviteOwner: boolean }) {
  const { state, pending, onSubmit, formRef, errorFor } = useSettingsForm(inviteAgentAction, { schema: inviteAgentSchema, resetOnSuccess: true });
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  const created = state.status === "ok" ? state.result : undefined;
  const roles = [{ value: "agent", label: "Agent" }, { value: "admin", label: "Admin" }, ...(canInviteOwner ? [{ value: "owner", label: "Owner" }] : [])];
  return (
    <div className="space-y-4">
      <form ref={formRef} onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_2fr_1fr_1fr_auto] lg:items-start">
        <TextField label="Email" name="email" id="invite-email" type="email" error={errorFor("email")} autoComplete="off" />
        <TextField label="Name (optional)" name="name" id="invite-name" error={errorFor("name")} />
        <SelectField label="Role" name="role" id="invite-role" error={errorFor("role")} options={roles} />
        <SelectField label="Link valid for" name="expiresInHours" id="invite-expiry" defaultValue={72} error={errorFor("expiresInHours")}
          options={INVITATION_LIFETIMES.map((l) => ({ value: l.hours, label: l.label }))} />
        <button type="submit" disabled={pending} className={`${buttonClass} lg:mt-6`}>Create invitation</button>
      </form>
      {state.status === "error" && <FormStatus state={state} />}
      {created && (
        <div role="status" className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-3 dark:border-emerald-800 dark:bg-emerald-950">
          <p className="text-sm font-medium text-emerald-900 dark:text-emerald-200">
            Send this link to {created.email}. It works once, and is shown only now.
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <code data-testid="invitation-link" className="break-all rounded bg-white px-2 py-1 text-sm dark:bg-slate-900">{`${origin}/invite/${created.token}`}</code>
            <CopyButton value={`${origin}/invite/${created.token}`} label="Copy link" />
          </div>
        </div>
      )}
    </div>
  );
}
