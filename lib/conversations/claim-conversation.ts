import { and, eq, isNull, or, sql } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { agents, conversations } from "@/db/schema";
import type { Ctx } from "../context";
import { ApiError, notFound } from "../errors";
import { recordChange } from "../events/record";
import { findAgentOrThrow, type AgentRef } from "./agents";
import { conversationScope, getConversation, lockConversationOrThrow } from "./scope";

export type ClaimParams = AgentRef & { force?: boolean };

/**
 * Assigns the conversation to an agent. With `force: false` it succeeds only when unassigned (or already theirs):
 * the row is locked first and the condition is part of the UPDATE, so of two concurrent claims exactly one wins.
 */
export async function claimConversation(ctx: Ctx, id: string, params: ClaimParams) {
  const force = params.force ?? true;
  return db.transaction(async (tx) => {
    const current = await lockConversationOrThrow(tx, ctx, id);
    const agent = await findAgentOrThrow(tx, ctx, params);
    const claimed = await tx
      .update(conversations)
      .set({ assigneeId: agent.id, updatedAt: sql`now()` })
      .where(
        and(
          conversationScope(ctx),
          eq(conversations.id, id),
          or(isNull(conversations.assigneeId), eq(conversations.assigneeId, agent.id), sql`${force}`),
        ),
      )
      .returning({ id: conversations.id });
    if (claimed.length === 0) await throwClaimConflict(tx, ctx, id);
    const conversation = await getConversation(ctx, id, tx);
    if (current.assigneeId !== agent.id) {
      const change = { agent_id: agent.id, agent_name: agent.name, previous_assignee_id: current.assigneeId };
      await recordChange(tx, ctx, id, {
        activity: { action: "claimed", data: change },
        event: { type: "conversation_claimed", data: { conversation_id: id, ...change, conversation } },
      });
    }
    return conversation;
  });
}

async function throwClaimConflict(tx: Tx, ctx: Ctx, id: string): Promise<never> {
  const [current] = await tx
    .select({ name: agents.name, id: agents.id })
    .from(conversations)
    .leftJoin(agents, eq(agents.id, conversations.assigneeId))
    .where(and(conversationScope(ctx), eq(conversations.id, id)));
  if (!current) throw notFound("Conversation");
  throw new ApiError("already_assigned", `Already assigned to ${current.name}`, [{ assignee_id: current.id, assignee_name: current.name }]);
}
