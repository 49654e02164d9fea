import type { Ctx } from "../../context";
import { assignConversation } from "../../conversations/assign-conversation";

/** Moves the conversation to a team (its SLA due times follow, as with any team change). */
export async function assignTeam(ctx: Ctx, conversationId: string, teamId: string) {
  const conversation = await assignConversation(ctx, conversationId, { team: teamId });
  return `moved it to team ${conversation.team?.name ?? teamId}`;
}
