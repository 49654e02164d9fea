import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import type { Ctx } from "../context";
import { notFound } from "../errors";
import { isUuid } from "../ids";
import { presenceSnapshot } from "../live/presence-store";
import { liveOrgOf } from "../organizations/live-org";

type AgentRow = { id: string; email: string; name: string; role: string; deactivated_at: string | null; teams: { id: string; name: string }[] };

/**
 * Agents of the live organization (a sandbox shares them) with their teams. `availability` is "online" while the
 * agent has the inbox open (presence heartbeats this server has seen), else "offline".
 */
async function selectAgents(ctx: Ctx, id?: string) {
  const found = await rows<AgentRow>(sql`
    select a.id, a.email, a.name, a.role, to_json(a.deactivated_at)#>>'{}' as deactivated_at,
      coalesce((select json_agg(json_build_object('id', t.id, 'name', t.name) order by t.name)
        from team_members m join teams t on t.id = m.team_id where m.agent_id = a.id), '[]'::json) as teams
    from agents a where a.organization_id = ${liveOrgOf(ctx.orgId)} ${id ? sql`and a.id = ${id}::uuid` : sql``}
    order by a.name, a.id`);
  const online = new Set(presenceSnapshot(ctx.orgId).map((p) => p.agentId));
  return found.map((a) => ({
    id: a.id,
    email: a.email,
    name: a.name,
    role: a.role,
    teams: a.teams,
    active: a.deactivated_at === null,
    availability: a.deactivated_at === null && online.has(a.id) ? ("online" as const) : ("offline" as const),
  }));
}

export const listApiAgents = (ctx: Ctx) => selectAgents(ctx);

export async function getApiAgent(ctx: Ctx, id: string) {
  const [agent] = isUuid(id) ? await selectAgents(ctx, id) : [];
  if (!agent) throw notFound("Agent");
  return agent;
}
