"use client";

import { createChannelAction, deleteChannelAction, resendVerificationAction, verifyChannelAction } from "@/components/settings/channels/actions";
import type { ChannelJson } from "@/lib/channels/manage-channels";
import { createChannelSchema, verifyChannelSchema } from "@/lib/channels/schemas";
import { ActionButton } from "../action-button";
import { TextField } from "../fields";
import { FormStatus } from "../form-status";
import { buttonClass } from "../styles";
import { useSettingsForm } from "../use-settings-form";

export function CreateChannelForm() {
  const { state, pending, onSubmit, formRef, errorFor } = useSettingsForm(createChannelAction, { schema: createChannelSchema.omit({ type: true }), resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-56 flex-1"><TextField label="Address" name="address" id="new-channel-address" type="email" placeholder="support@example.com" error={errorFor("address")} required /></div>
        <div className="min-w-48 flex-1"><TextField label="Name" name="name" id="new-channel-name" placeholder="Acme Support" error={errorFor("name")} maxLength={200} required /></div>
        <button type="submit" disabled={pending} className={`${buttonClass} mt-6`}>Add email channel</button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}

export function ChannelRow({ channel }: { channel: ChannelJson }) {
  const pending = channel.status === "pending";
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-3">
      <span className="min-w-0">
        <span className="font-medium">{channel.name}</span>{" "}
        <span className="text-sm text-slate-600 dark:text-slate-300">{channel.address}</span>
        {channel.is_default && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs dark:bg-slate-800">default</span>}
        <span
          aria-label={`Status of ${channel.address}`}
          className={`ml-2 rounded px-1.5 py-0.5 text-xs ${pending ? "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100" : "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100"}`}
        >
          {pending ? "Pending verification" : "Verified"}
        </span>
        {pending && <VerificationState channel={channel} />}
      </span>
      <span className="flex flex-wrap items-start gap-2">
        {pending && <ActionButton action={resendVerificationAction} fields={{ id: channel.id }} label="Resend verification" accessibleLabel={`Resend verification to ${channel.address}`} />}
        <ActionButton action={deleteChannelAction} fields={{ id: channel.id }} label="Delete" accessibleLabel={`Delete channel ${channel.address}`} danger
          confirm={`Delete ${channel.address}? New mail to it will be refused; conversations keep their history.`} />
      </span>
      {pending && <VerifyCodeForm channel={channel} />}
    </li>
  );
}

/** Why a pending channel takes no mail yet, and where its verification mail stands. */
function VerificationState({ channel }: { channel: ChannelJson }) {
  const v = channel.verification;
  return (
    <span className="mt-1 block text-xs text-slate-600 dark:text-slate-300">
      {v?.error
        ? `Verification mail problem: ${v.error}`
        : v?.sent_at
          ? `A verification code was mailed to ${channel.address}. Mail to this address is refused and nothing is sent from it until the code is entered (or the mail is forwarded back here).`
          : `A verification mail to ${channel.address} is queued (the worker sends it through DEXRA_SMTP_URL).`}
    </span>
  );
}

function VerifyCodeForm({ channel }: { channel: ChannelJson }) {
  const { state, pending, onSubmit, formRef, errorFor } = useSettingsForm(verifyChannelAction, { schema: verifyChannelSchema.extend({}).loose() });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex w-full flex-wrap items-start gap-2">
      <input type="hidden" name="id" value={channel.id} />
      <div className="min-w-56">
        <TextField label={`Verification code for ${channel.address}`} name="code" id={`code-${channel.id}`} placeholder="DXV-…" autoComplete="one-time-code" error={errorFor("code")} required />
      </div>
      <button type="submit" disabled={pending} className={`${buttonClass} mt-6`}>Verify</button>
      <FormStatus state={state} />
    </form>
  );
}
