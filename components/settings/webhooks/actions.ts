"use server";

import { formDataToObject, type ActionState } from "@/lib/settings/form-data";
import { settingsAction } from "@/lib/settings/settings-action";
import {
  createWebhookFromSettings,
  deleteWebhookFromSettings,
  redeliverFromSettings,
  revealWebhookSecret,
  rotateWebhookSecretFromSettings,
  sendTestEventFromSettings,
  updateWebhookFromSettings,
} from "@/lib/webhooks/admin-endpoints";

export async function createWebhookAction(_prev: ActionState<{ id: string; secret: string }>, form: FormData) {
  return settingsAction({ role: "admin", run: (s) => createWebhookFromSettings(s.ctx, formDataToObject(form)) });
}

export async function updateWebhookAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => updateWebhookFromSettings(s.ctx, formDataToObject(form)), message: "Endpoint saved." });
}

export async function deleteWebhookAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => deleteWebhookFromSettings(s.ctx, formDataToObject(form)), message: "Endpoint deleted." });
}

export async function revealWebhookSecretAction(_prev: ActionState<{ secret: string }>, form: FormData) {
  return settingsAction({ role: "admin", run: (s) => revealWebhookSecret(s.ctx, formDataToObject(form)) });
}

export async function rotateWebhookSecretAction(_prev: ActionState<{ secret: string; previousSecretExpiresAt: string | null }>, form: FormData) {
  return settingsAction({ role: "admin", run: (s) => rotateWebhookSecretFromSettings(s.ctx, formDataToObject(form)) });
}

export async function redeliverAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => redeliverFromSettings(s.ctx, formDataToObject(form)), message: "Queued for redelivery." });
}

export async function sendTestEventAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => sendTestEventFromSettings(s.ctx, formDataToObject(form)), message: "Test event queued." });
}
