"use server";

import { updateBusinessHours } from "@/lib/business-hours/manage-business-hours";
import { formDataToObject, type ActionState } from "@/lib/settings/form-data";
import { settingsAction } from "@/lib/settings/settings-action";

export async function updateBusinessHoursAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => updateBusinessHours(s.ctx, formDataToObject(form)), message: "Business hours saved." });
}
