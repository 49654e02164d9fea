"use server";

import type { ActionState } from "@/lib/settings/form-data";
import { formDataToObject } from "@/lib/settings/form-data";
import { settingsAction } from "@/lib/settings/settings-action";
import { createTag, deleteTag, updateTag } from "@/lib/tags/manage-tags";

export async function createTagAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => createTag(s.ctx, formDataToObject(form)), message: "Tag created." });
}

export async function updateTagAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => updateTag(s.ctx, formDataToObject(form)), message: "Tag saved." });
}

export async function deleteTagAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => deleteTag(s.ctx, formDataToObject(form)), message: "Tag deleted." });
}
