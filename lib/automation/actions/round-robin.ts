import { sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import type { Ctx } from "../../context";
import { applyAssignment } from "../../conversations/assign-conversation";
import { lockConversationOrThrow } from "../../conversations/scope";

export type RoundRobinParams = { team_id: string | null; max_open: number };

/**
 * Assigns the conversation to the available (online, active) agent of the team, or of the organization, who got
 * one longest ago, skipping agents who already hold `max_open` open conversations. A transaction advisory lock per
 * organization and scope makes concurrent runs take turns, so the rotation and the cap hold under load.
 * A conversation that already has an assignee keeps it.
 */
export async function roundRobin(ctx: Ctx, conversationId: string, params: RoundRobinParams) {
  const scope = params.team_id ?? "all";
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('dexra_round_robin'), hashtext(${`${ctx.orgId}:${scope}`}))`);
    const current = await lockConversationOrThrow(tx, ctx, conversationId);
    if (current.assigneeId) return "kept its assignee (round-robin skips assigned conversations)";
    const [next] = await rows<{ id: string; name: string }>(
      sql`select a.id, a.name from agents a
        left join automation_round_robin rr on rr.organization_id = ${ctx.orgId} and rr.scope = ${scope} and rr.agent_id = a.id
        where a.organization_id = (select coalesce(sandbox_of_id, id) from organizations where id = ${ctx.orgId})
          and a.deactivated_at is null and a.availability = 'online'
          ${params.team_id ? sql`and exists (select 1 from team_members tm where tm.team_id = ${params.team_id} and tm.agent_id = a.id)` : sql``}
          and (select count(*) from conversations c
               where c.organization_id = ${ctx.orgId} and c.assignee_id = a.id and c.status = 'open') < ${params.max_open}
        order by rr.last_assigned_at asc nulls first, a.created_at, a.id
        limit 1`,
      tx,
    );
    if (!next) return `found no available agent (everyone offline, away or at ${params.max_open} open conversations)`;
    await applyAssignment(tx, ctx, current, { agent: { id: next.id } });
    // clock_timestamp, not now(): a transaction that waited for the lock must still count as the latest turn.
    await tx.execute(sql`insert into automation_round_robin (organization_id, scope, agent_id, last_assigned_at)
      values (${ctx.orgId}, ${scope}, ${next.id}, clock_timestamp())
      on conflict (organization_id, scope, agent_id) do update set last_assigned_at = excluded.last_assigned_at`);
    return `assigned it to ${next.name} (round-robin)`;
  });
}
