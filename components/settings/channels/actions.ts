"use server";

import { createChannel, deleteChannel } from "@/lib/channels/manage-channels";
import { resendVerification, verifyChannel } from "@/lib/channels/verify-channel";
import type { ActionState } from "@/lib/settings/form-data";
import { formDataToObject } from "@/lib/settings/form-data";
import { settingsAction } from "@/lib/settings/settings-action";

export async function createChannelAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => createChannel(s.ctx, { type: "email", ...formDataToObject(form) } as never), message: "Channel created." });
}

export async function deleteChannelAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => deleteChannel(s.ctx, String(form.get("id") ?? "")), message: "Channel deleted." });
}

export async function verifyChannelAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => verifyChannel(s.ctx, String(form.get("id") ?? ""), { code: String(form.get("code") ?? "") }), message: "Address verified." });
}

export async function resendVerificationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => resendVerification(s.ctx, String(form.get("id") ?? "")), message: "Verification mail queued." });
}
