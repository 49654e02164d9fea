import type { Ctx } from "../context";
import { notFound } from "../errors";
import { isUuid } from "../ids";
import { createTeam, deleteTeam, getTeam, listTeams, renameTeam, setTeamMembers } from "./manage-teams";
import type { apiTeamMembersSchema, apiTeamSchema } from "./schemas";
import { serializeTeam } from "./serialize";
import type { z } from "zod";

// The /api/v1/teams edges: the same functions as Settings → Teams, answers in the public shape.
const existing = (id: string) => {
  if (!isUuid(id)) throw notFound("Team");
  return id;
};

export const listApiTeams = async (ctx: Ctx) => (await listTeams(ctx)).map((t) => serializeTeam(t, t.memberIds));

export async function getApiTeam(ctx: Ctx, id: string) {
  const team = await getTeam(ctx, existing(id));
  return serializeTeam(team, team.memberIds);
}

export async function createApiTeam(ctx: Ctx, input: z.output<typeof apiTeamSchema>) {
  return serializeTeam(await createTeam(ctx, input), []);
}

export async function renameApiTeam(ctx: Ctx, id: string, input: z.output<typeof apiTeamSchema>) {
  await renameTeam(ctx, { id: existing(id), name: input.name });
  return getApiTeam(ctx, id);
}

export const deleteApiTeam = (ctx: Ctx, id: string) => deleteTeam(ctx, { id: existing(id) });

export async function setApiTeamMembers(ctx: Ctx, id: string, input: z.output<typeof apiTeamMembersSchema>) {
  await setTeamMembers(ctx, { id: existing(id), agentIds: input.agent_ids });
  return getApiTeam(ctx, id);
}
