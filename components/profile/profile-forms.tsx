"use client";

import {
  changePasswordAction,
  createCannedReplyAction,
  deleteCannedReplyAction,
  setAvailabilityAction,
  setNotificationsAction,
  updateProfileAction,
} from "@/components/profile/actions";
import { availabilitySchema, changePasswordSchema, personalCannedReplySchema, updateProfileSchema } from "@/lib/profile/schemas";
import { ActionButton } from "../settings/action-button";
import { CheckboxField, SelectField, TextareaField, TextField } from "../settings/fields";
import { FormStatus } from "../settings/form-status";
import { buttonClass } from "../settings/styles";
import { useSettingsForm } from "../settings/use-settings-form";

export function ProfileForm({ name, signature }: { name: string; signature: string | null }) {
  const { state, pending, onSubmit, formRef, errorFor } = useSettingsForm(updateProfileAction, { schema: updateProfileSchema });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <TextField label="Name" name="name" defaultValue={name} error={errorFor("name")} maxLength={100} required />
      <TextareaField label="Signature" name="signature" defaultValue={signature ?? ""} error={errorFor("signature")} rows={3} maxLength={1000}
        hint="Added below every reply you send (not to private notes). Markdown works." />
      <button type="submit" disabled={pending} className={buttonClass}>Save profile</button>
      <FormStatus state={state} />
    </form>
  );
}

export function AvailabilityForm({ availability }: { availability: string }) {
  const { state, pending, onSubmit, errorFor } = useSettingsForm(setAvailabilityAction, { schema: availabilitySchema });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3">
      <SelectField label="Availability" name="availability" defaultValue={availability} error={errorFor("availability")}
        options={[{ value: "online", label: "Online" }, { value: "away", label: "Away" }, { value: "offline", label: "Offline" }]} />
      <button type="submit" disabled={pending} className={buttonClass}>Set availability</button>
      <FormStatus state={state} />
    </form>
  );
}

export function NotificationsForm({ desktopMine }: { desktopMine: boolean }) {
  const { state, pending, onSubmit } = useSettingsForm(setNotificationsAction);
  return (
    <form
      onSubmit={(event) => {
        // The browser asks once; without its permission the preference is kept but nothing can be shown.
        if (new FormData(event.currentTarget).get("desktop_mine") && "Notification" in window && Notification.permission === "default") void Notification.requestPermission();
        onSubmit(event);
      }}
      className="space-y-3"
    >
      <CheckboxField label="Desktop notification when a customer writes in a conversation assigned to me (while the inbox is open)" name="desktop_mine" defaultChecked={desktopMine} />
      <button type="submit" disabled={pending} className={buttonClass}>Save notifications</button>
      <FormStatus state={state} />
    </form>
  );
}

export function PasswordForm() {
  const { state, pending, onSubmit, formRef, errorFor } = useSettingsForm(changePasswordAction, { schema: changePasswordSchema, resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <TextField label="Current password" name="current_password" type="password" autoComplete="current-password" error={errorFor("current_password")} required />
      <TextField label="New password" name="new_password" type="password" autoComplete="new-password" error={errorFor("new_password")} hint="At least 10 characters." required />
      <TextField label="Repeat new password" name="confirm_password" type="password" autoComplete="new-password" error={errorFor("confirm_password")} required />
      <button type="submit" disabled={pending} className={buttonClass}>Change password</button>
      <FormStatus state={state} />
    </form>
  );
}

export function PersonalCannedReplyForm() {
  const { state, pending, onSubmit, formRef, errorFor } = useSettingsForm(createCannedReplyAction, { schema: personalCannedReplySchema, resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <div className="flex flex-wrap gap-3">
        <div className="min-w-48 flex-1"><TextField label="Title" name="title" id="mine-title" error={errorFor("title")} required /></div>
        <div className="w-40"><TextField label="Shortcut" name="shortcut" id="mine-shortcut" error={errorFor("shortcut")} hint="Type /shortcut in a reply." required /></div>
      </div>
      <TextareaField label="Body" name="body" id="mine-body" error={errorFor("body")} rows={3} required />
      <button type="submit" disabled={pending} className={buttonClass}>Add canned reply</button>
      <FormStatus state={state} />
    </form>
  );
}

export function DeleteCannedReply({ id, title }: { id: string; title: string }) {
  return <ActionButton action={deleteCannedReplyAction} fields={{ id }} label="Delete" accessibleLabel={`Delete canned reply ${title}`} danger />;
}
