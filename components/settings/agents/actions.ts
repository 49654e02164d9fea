"use server";

import { inviteAgent, revokeInvitation } from "@/lib/agents/invitations";
import { changeAgentRole, deactivateAgent, reactivateAgent } from "@/lib/agents/manage-agents";
import { formDataToObject, type ActionState } from "@/lib/settings/form-data";
import { settingsAction } from "@/lib/settings/settings-action";

export async function inviteAgentAction(_prev: ActionState<{ token: string; email: string }>, form: FormData) {
  return settingsAction({
    role: "admin",
    run: async (s) => {
      const { invitation, token } = await inviteAgent(s.ctx, formDataToObject(form));
      return { token, email: invitation.email };
    },
  });
}

export async function revokeInvitationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => revokeInvitation(s.ctx, formDataToObject(form)), message: "Invitation revoked." });
}

export async function changeRoleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => changeAgentRole(s.ctx, formDataToObject(form)), message: "Role changed." });
}

export async function deactivateAgentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => deactivateAgent(s.ctx, formDataToObject(form)), message: "Agent deactivated." });
}

export async function reactivateAgentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => reactivateAgent(s.ctx, formDataToObject(form)), message: "Agent reactivated." });
}
