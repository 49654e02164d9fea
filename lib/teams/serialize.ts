import type { teams } from "@/db/schema";

type TeamRow = typeof teams.$inferSelect;

/** The public shape of a team (API answers and webhook payloads). */
export const serializeTeam = (team: TeamRow, agentIds: string[]) => ({
  id: team.id,
  name: team.name,
  agent_ids: agentIds,
  created_at: team.createdAt.toISOString(),
});
export type TeamJson = ReturnType<typeof serializeTeam>;
