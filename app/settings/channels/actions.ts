"use server";

import { createChannel, deleteChannel } from "@/lib/channels/manage-channels";
import type { ActionState } from "@/lib/settings/form-data";
import { formDataToObject } from "@/lib/settings/form-data";
import { settingsAction } from "@/lib/settings/settings-action";

export async function createChannelAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => createChannel(s.ctx, { type: "email", ...formDataToObject(form) } as never), message: "Channel created." });
}

export async function deleteChannelAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => deleteChannel(s.ctx, String(form.get("id") ?? "")), message: "Channel deleted." });
}
