"use client";

import { useEffect, useState } from "react";
import { createCannedReplyAction, deleteCannedReplyAction, updateCannedReplyAction } from "@/components/settings/canned-replies/actions";
import { CANNED_PLACEHOLDERS } from "@/lib/canned-replies/placeholders";
import { createCannedReplySchema, updateCannedReplySchema } from "@/lib/canned-replies/schemas";
import { ActionButton } from "../action-button";
import { CheckboxField, TextareaField, TextField } from "../fields";
import { FormStatus } from "../form-status";
import { buttonClass, secondaryButtonClass } from "../styles";
import { useSettingsForm } from "../use-settings-form";

type Reply = { id: string; title: string; shortcut: string; body: string; shared: boolean };

const placeholderHint = (
  <>Markdown. Placeholders: {CANNED_PLACEHOLDERS.map((p, i) => <span key={p}>{i > 0 && ", "}<code>{`{{${p}}}`}</code></span>)}</>
);

/** Creates a reply, or edits one when `reply` is given. */
export function CannedReplyForm({ reply, onDone }: { reply?: Reply; onDone?: () => void }) {
  const { state, pending, onSubmit, formRef, errorFor } = useSettingsForm(reply ? updateCannedReplyAction : createCannedReplyAction, {
    schema: reply ? updateCannedReplySchema : createCannedReplySchema,
    resetOnSuccess: !reply,
  });
  useEffect(() => {
    if (state.status === "ok") onDone?.();
  }, [state, onDone]);
  const id = reply?.id ?? "new";
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      {reply && <input type="hidden" name="id" value={reply.id} />}
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
        <TextField label="Title" name="title" id={`canned-${id}-title`} defaultValue={reply?.title} error={errorFor("title")} maxLength={100} />
        <TextField label="Shortcut" name="shortcut" id={`canned-${id}-shortcut`} defaultValue={reply?.shortcut} error={errorFor("shortcut")} placeholder="refund" />
      </div>
      <TextareaField label="Body" name="body" id={`canned-${id}-body`} rows={6} defaultValue={reply?.body ?? "Hi {{requester.first_name}},\n\n"}
        error={errorFor("body")} hint={placeholderHint} className="font-mono" />
      <CheckboxField label="Shared with everyone in the organization" name="shared" id={`canned-${id}-shared`} defaultChecked={reply?.shared ?? true} />
      <FormStatus state={state} />
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className={buttonClass}>{reply ? "Save" : "Create canned reply"}</button>
        {reply && <button type="button" onClick={onDone} className={secondaryButtonClass}>Cancel</button>}
      </div>
    </form>
  );
}

export function CannedReplyRow({ reply }: { reply: Reply }) {
  const [editing, setEditing] = useState(false);
  if (editing) {
    return <li className="py-3"><CannedReplyForm reply={reply} onDone={() => setEditing(false)} /></li>;
  }
  return (
    <li className="flex flex-wrap items-start justify-between gap-2 py-3">
      <div className="min-w-0 flex-1">
        <p className="font-medium">
          {reply.title} <code className="text-sm text-indigo-700 dark:text-indigo-300">/{reply.shortcut}</code>{" "}
          <span className="text-xs font-normal text-slate-500">{reply.shared ? "shared" : "personal"}</span>
        </p>
        <p className="mt-1 line-clamp-2 whitespace-pre-line text-sm text-slate-600 dark:text-slate-400">{reply.body}</p>
      </div>
      <span className="flex gap-2">
        <button type="button" onClick={() => setEditing(true)} className={secondaryButtonClass} aria-label={`Edit canned reply ${reply.title}`}>Edit</button>
        <ActionButton action={deleteCannedReplyAction} fields={{ id: reply.id }} label="Delete" danger accessibleLabel={`Delete canned reply ${reply.title}`}
          confirm={`Delete the canned reply "${reply.title}"?`} />
      </span>
    </li>
  );
}
