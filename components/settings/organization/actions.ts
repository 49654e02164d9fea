"use server";

import { revealIdentitySecret, rotateIdentitySecret, updateOrganization } from "@/lib/organizations/manage-organization";
import { formDataToObject, type ActionState } from "@/lib/settings/form-data";
import { updateRetention } from "@/lib/privacy/retention";
import { settingsAction } from "@/lib/settings/settings-action";

export async function updateOrganizationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => updateOrganization(s.ctx, formDataToObject(form)), message: "Organization saved." });
}

export async function revealIdentitySecretAction(_prev: ActionState<{ identitySecret: string }>, _form: FormData) {
  return settingsAction({ role: "admin", run: (s) => revealIdentitySecret(s.ctx) });
}

export async function rotateIdentitySecretAction(_prev: ActionState<{ identitySecret: string; previousExpiresAt: Date | null }>, form: FormData) {
  return settingsAction({ role: "owner", run: (s) => rotateIdentitySecret(s.ctx, formDataToObject(form)) });
}

export async function updateRetentionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => updateRetention(s.ctx, formDataToObject(form)), message: "Retention saved." });
}
