"use server";

import type { ActionState } from "@/lib/settings/form-data";
import { formDataToObject } from "@/lib/settings/form-data";
import { settingsAction } from "@/lib/settings/settings-action";
import { createSlaPolicy, deleteSlaPolicy, updateSlaPolicy } from "@/lib/sla/manage-policies";

export async function createSlaPolicyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => createSlaPolicy(s.ctx, formDataToObject(form)), message: "SLA policy created." });
}

export async function updateSlaPolicyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => updateSlaPolicy(s.ctx, formDataToObject(form)), message: "SLA policy saved." });
}

export async function deleteSlaPolicyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => deleteSlaPolicy(s.ctx, formDataToObject(form)), message: "SLA policy deleted." });
}
