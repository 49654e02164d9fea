"use server";

import { signOut } from "@/lib/auth";
import { requireAgent } from "@/lib/auth/require-agent";
import { endAllAgentSessions } from "@/lib/auth/sessions";

export async function signOutAction() {
  await signOut({ redirectTo: "/login" });
}

/** Ends every session of the signed-in agent (other browsers, copied cookies), then this one. */
export async function signOutEverywhereAction() {
  const session = await requireAgent();
  await endAllAgentSessions(session.agent.id);
  await signOut({ redirectTo: "/login" });
}
