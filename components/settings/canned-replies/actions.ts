"use server";

import { createCannedReply, deleteCannedReply, updateCannedReply } from "@/lib/canned-replies/manage-canned-replies";
import { formDataToObject, type ActionState } from "@/lib/settings/form-data";
import { settingsAction } from "@/lib/settings/settings-action";

export async function createCannedReplyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => createCannedReply(s.ctx, formDataToObject(form)), message: "Canned reply created." });
}

export async function updateCannedReplyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => updateCannedReply(s.ctx, formDataToObject(form)), message: "Canned reply saved." });
}

export async function deleteCannedReplyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => deleteCannedReply(s.ctx, formDataToObject(form)), message: "Canned reply deleted." });
}
