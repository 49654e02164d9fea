"use server";

import { acceptInvitation } from "@/lib/agents/invitations";
import { signIn } from "@/lib/auth";
import { formDataToObject, type ActionState } from "@/lib/settings/form-data";
import { runPublicAction } from "@/lib/settings/run-action";

/** Public by design: the one-time token is the authorization. Signs the new agent in on success. */
export async function acceptInvitationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = formDataToObject(form);
  const state = await runPublicAction(() => acceptInvitation(input));
  if (state.status !== "ok" || !state.result) return state;
  // Throws Next's redirect to the inbox on success.
  await signIn("credentials", { email: state.result.email, password: String(input.password), redirectTo: "/inbox" });
  return state;
}
