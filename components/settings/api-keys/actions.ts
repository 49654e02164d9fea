"use server";

import { createOrgApiKey, revokeOrgApiKey } from "@/lib/keys/manage-api-keys";
import { formDataToObject, type ActionState } from "@/lib/settings/form-data";
import { settingsAction } from "@/lib/settings/settings-action";

export async function createApiKeyAction(_prev: ActionState<{ key: string; prefix: string }>, form: FormData) {
  return settingsAction({ role: "admin", run: (s) => createOrgApiKey(s.ctx, formDataToObject(form)) });
}

export async function revokeApiKeyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => revokeOrgApiKey(s.ctx, formDataToObject(form)), message: "Key revoked." });
}
