import { and, eq } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { conversations, type Conversation } from "@/db/schema";
import type { Ctx } from "../context";
import { emitEvent, logActivity } from "../events/record";
import { refreshSlaDueTimes } from "../sla/refresh-due-times";
import { findAgentOrThrow, findTeamOrThrow, type AgentRef } from "./agents";
import { getConversation, lockConversationOrThrow } from "./scope";

/** `agent: null` unassigns; `team: null` clears the team; an omitted field is left as it is. */
export type AssignParams = { agent?: AgentRef | null; team?: string | null };

/** Assigns an agent and/or a team, unconditionally (the inbox's "assign to…"; claims go through claimConversation). */
export async function assignConversation(ctx: Ctx, id: string, params: AssignParams) {
  return db.transaction(async (tx) => {
    const current = await lockConversationOrThrow(tx, ctx, id);
    await applyAssignment(tx, ctx, current, params);
    return getConversation(ctx, id, tx);
  });
}

/** The assignment part of assign and PATCH, inside the caller's transaction on a locked row. */
export async function applyAssignment(tx: Tx, ctx: Ctx, current: Conversation, params: AssignParams) {
  if (params.agent !== undefined) {
    const agent = params.agent ? await findAgentOrThrow(tx, ctx, params.agent) : null;
    if ((agent?.id ?? null) !== current.assigneeId) {
      await tx
        .update(conversations)
        .set({ assigneeId: agent?.id ?? null, updatedAt: new Date() })
        .where(and(eq(conversations.organizationId, ctx.orgId), eq(conversations.id, current.id)));
      const change = { agent_id: agent?.id ?? null, agent_name: agent?.name ?? null, previous_assignee_id: current.assigneeId };
      await logActivity(tx, ctx, current.id, "assigned", change);
      // Unassigning has no webhook event of its own; the activity log records it.
      if (agent) {
        const conversation = await getConversation(ctx, current.id, tx);
        await emitEvent(tx, ctx, "conversation_claimed", { conversation_id: current.id, ...change, conversation }, current.id);
      }
    }
  }
  if (params.team !== undefined) {
    const team = params.team ? await findTeamOrThrow(tx, ctx, params.team) : null;
    if ((team?.id ?? null) !== current.teamId) {
      await tx
        .update(conversations)
        .set({ teamId: team?.id ?? null, updatedAt: new Date() })
        .where(and(eq(conversations.organizationId, ctx.orgId), eq(conversations.id, current.id)));
      await logActivity(tx, ctx, current.id, "team_changed", { team_id: team?.id ?? null, team_name: team?.name ?? null, previous_team_id: current.teamId });
      await refreshSlaDueTimes(tx, current.id);
    }
  }
}
