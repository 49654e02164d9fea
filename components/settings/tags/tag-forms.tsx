"use client";

import { useEffect, useState } from "react";
import { createTagAction, deleteTagAction, updateTagAction } from "@/components/settings/tags/actions";
import { createTagSchema, updateTagSchema } from "@/lib/tags/schemas";
import { ActionButton } from "../action-button";
import { TextField } from "../fields";
import { FormStatus } from "../form-status";
import { buttonClass, secondaryButtonClass } from "../styles";
import { useSettingsForm } from "../use-settings-form";

function ColorInput({ id, defaultValue, error }: { id: string; defaultValue: string; error?: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">Color</label>
      <input id={id} name="color" type="color" defaultValue={defaultValue} aria-invalid={error ? true : undefined}
        className="h-9 w-14 cursor-pointer rounded-md border border-slate-300 bg-white p-1 dark:border-slate-700 dark:bg-slate-900" />
      {error && <p className="text-xs text-red-600 dark:text-red-400">{error}</p>}
    </div>
  );
}

export function CreateTagForm() {
  const { state, pending, onSubmit, formRef, errorFor } = useSettingsForm(createTagAction, { schema: createTagSchema, resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-48 flex-1"><TextField label="Name" name="name" id="new-tag-name" error={errorFor("name")} maxLength={50} required /></div>
        <ColorInput id="new-tag-color" defaultValue="#6366f1" error={errorFor("color")} />
        <button type="submit" disabled={pending} className={`${buttonClass} mt-6`}>Create tag</button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}

type Tag = { id: string; name: string; color: string; conversations: number };

export function TagRow({ tag }: { tag: Tag }) {
  const [editing, setEditing] = useState(false);
  const { state, pending, onSubmit, errorFor } = useSettingsForm(updateTagAction, { schema: updateTagSchema });
  useEffect(() => {
    if (state.status === "ok") setEditing(false);
  }, [state]);
  if (editing) {
    return (
      <li className="py-3">
        <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-3">
          <input type="hidden" name="id" value={tag.id} />
          <div className="min-w-48 flex-1"><TextField label="Name" name="name" id={`tag-${tag.id}-name`} defaultValue={tag.name} error={errorFor("name")} autoFocus /></div>
          <ColorInput id={`tag-${tag.id}-color`} defaultValue={tag.color} error={errorFor("color")} />
          <div className="mt-6 flex gap-2">
            <button type="submit" disabled={pending} className={buttonClass}>Save</button>
            <button type="button" onClick={() => setEditing(false)} className={secondaryButtonClass}>Cancel</button>
          </div>
          <div className="w-full"><FormStatus state={state} /></div>
        </form>
      </li>
    );
  }
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-3">
      <span className="inline-flex items-center gap-2">
        <span aria-hidden className="size-3 rounded-full" style={{ backgroundColor: tag.color }} />
        <span className="font-medium">{tag.name}</span>
        <span className="text-xs text-slate-500 dark:text-slate-400">{tag.conversations} conversation{tag.conversations === 1 ? "" : "s"}</span>
      </span>
      <span className="flex gap-2">
        <button type="button" onClick={() => setEditing(true)} className={secondaryButtonClass} aria-label={`Edit tag ${tag.name}`}>Edit</button>
        <ActionButton action={deleteTagAction} fields={{ id: tag.id }} label="Delete" accessibleLabel={`Delete tag ${tag.name}`} danger
          confirm={`Delete the tag "${tag.name}"? It is removed from ${tag.conversations} conversation(s).`} />
      </span>
    </li>
  );
}
