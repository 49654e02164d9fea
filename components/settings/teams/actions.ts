"use server";

import { formDataToObject, type ActionState } from "@/lib/settings/form-data";
import { settingsAction } from "@/lib/settings/settings-action";
import { createTeam, deleteTeam, renameTeam, setTeamMembers } from "@/lib/teams/manage-teams";

export async function createTeamAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => createTeam(s.ctx, formDataToObject(form)), message: "Team created." });
}

export async function renameTeamAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => renameTeam(s.ctx, formDataToObject(form)), message: "Team renamed." });
}

export async function deleteTeamAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => deleteTeam(s.ctx, formDataToObject(form)), message: "Team deleted." });
}

export async function setTeamMembersAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settingsAction({ role: "admin", run: (s) => setTeamMembers(s.ctx, formDataToObject(form)), message: "Members saved." });
}
