"use server";

import { revalidatePath } from "next/cache";
import { signIn } from "@/lib/auth";
import { requireAgent } from "@/lib/auth/require-agent";
import type { AgentSession } from "@/lib/auth/agent-session";
import { formDataToObject, type ActionState } from "@/lib/settings/form-data";
import { runSettingsAction } from "@/lib/settings/run-action";
import {
  changePassword,
  createPersonalCannedReply,
  deletePersonalCannedReply,
  setAvailability,
  setNotificationPrefs,
  updateProfile,
} from "@/lib/profile/manage-profile";

// Every agent, whatever the role, edits their own profile: the role floor is "agent".
async function profileAction<R>(run: (s: AgentSession) => Promise<R>, message: string): Promise<ActionState<R>> {
  const session = await requireAgent();
  const state = await runSettingsAction(session, { role: "agent", run, message });
  if (state.status === "ok") revalidatePath("/profile");
  return state;
}

export async function updateProfileAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return profileAction((s) => updateProfile(s, formDataToObject(form)), "Profile saved.");
}

export async function setAvailabilityAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return profileAction((s) => setAvailability(s, formDataToObject(form)), "Availability saved.");
}

export async function setNotificationsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return profileAction((s) => setNotificationPrefs(s, formDataToObject(form)), "Notification preferences saved.");
}

/** Ends every session of the agent (other browsers are signed out) and signs this browser in again. */
export async function changePasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const state = await profileAction((s) => changePassword(s, formDataToObject(form)), "Password changed.");
  if (state.status !== "ok" || !state.result) return state;
  const { email, password } = state.result as { email: string; password: string };
  // A fresh session for this browser (the old one ended with the others); Auth.js answers with a redirect.
  await signIn("credentials", { email, password, redirectTo: "/profile?password=changed" });
  return { status: "ok", message: "Password changed." };
}

export async function createCannedReplyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return profileAction((s) => createPersonalCannedReply(s, formDataToObject(form)), "Canned reply saved.");
}

export async function deleteCannedReplyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return profileAction((s) => deletePersonalCannedReply(s, formDataToObject(form)), "Canned reply deleted.");
}
