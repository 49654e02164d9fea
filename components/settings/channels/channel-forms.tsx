"use client";

import { createChannelAction, deleteChannelAction } from "@/app/settings/channels/actions";
import type { ChannelJson } from "@/lib/channels/manage-channels";
import { createChannelSchema } from "@/lib/channels/schemas";
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
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-3">
      <span className="min-w-0">
        <span className="font-medium">{channel.name}</span>{" "}
        <span className="text-sm text-slate-600 dark:text-slate-300">{channel.address}</span>
        {channel.is_default && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs dark:bg-slate-800">default</span>}
      </span>
      <ActionButton action={deleteChannelAction} fields={{ id: channel.id }} label="Delete" accessibleLabel={`Delete channel ${channel.address}`} danger
        confirm={`Delete ${channel.address}? New mail to it will be refused; conversations keep their history.`} />
    </li>
  );
}
