"use client";

import { acceptInvitationAction } from "@/components/settings/agents/invitation-actions";
import { acceptInvitationSchema } from "@/lib/agents/settings-schemas";
import { TextField } from "../fields";
import { FormStatus } from "../form-status";
import { buttonClass } from "../styles";
import { useSettingsForm } from "../use-settings-form";

export function AcceptInvitationForm({ token, defaultName, email }: { token: string; defaultName: string; email: string }) {
  const { state, pending, onSubmit, errorFor } = useSettingsForm(acceptInvitationAction, { schema: acceptInvitationSchema });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="email" value={email} autoComplete="username" />
      <TextField label="Your name" name="name" id="invite-accept-name" defaultValue={defaultName} error={errorFor("name")} autoComplete="name" autoFocus />
      <TextField label="Password" name="password" id="invite-accept-password" type="password" error={errorFor("password")} autoComplete="new-password"
        hint="At least 8 characters." />
      <TextField label="Confirm password" name="confirmPassword" id="invite-accept-confirm" type="password" error={errorFor("confirmPassword")} autoComplete="new-password" />
      <FormStatus state={state} />
      <button type="submit" disabled={pending} className={`${buttonClass} w-full`}>{pending ? "Joining…" : "Set password and join"}</button>
    </form>
  );
}
