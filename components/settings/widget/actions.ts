"use server";

import { createOrgApiKey } from "@/lib/keys/manage-api-keys";
import { formDataToObject, type ActionState } from "@/lib/settings/form-data";
import { settingsAction } from "@/lib/settings/settings-action";
import { updateWidgetSettings } from "@/lib/widget/settings";

export async function updateWidgetSettingsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => updateWidgetSettings(s.ctx, formDataToObject(form)), message: "Widget settings saved." });
}

/** A publishable key for the snippet (shown once, like every key); `mode` test keeps the widget on sandbox data. */
export async function createWidgetKeyAction(_prev: ActionState<{ key: string; prefix: string }>, form: FormData) {
  const mode = form.get("mode") === "test" ? "test" : "live";
  return settingsAction({ role: "admin", run: (s) => createOrgApiKey(s.ctx, { name: `Chat widget (${mode})`, kind: "client", mode }) });
}
