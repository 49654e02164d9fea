"use server";

import { createDefinition, deleteDefinition, updateDefinition } from "@/lib/custom-attributes/definitions";
import { formDataToObject, type ActionState } from "@/lib/settings/form-data";
import { settingsAction } from "@/lib/settings/settings-action";

export async function createDefinitionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => createDefinition(s.ctx, formDataToObject(form)), message: "Attribute created." });
}

export async function updateDefinitionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => updateDefinition(s.ctx, formDataToObject(form)), message: "Attribute saved." });
}

export async function deleteDefinitionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => deleteDefinition(s.ctx, formDataToObject(form)), message: "Attribute deleted." });
}
