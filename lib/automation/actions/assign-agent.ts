import type { Ctx } from "../../context";
import { assignConversation } from "../../conversations/assign-conversation";

/** Assigns one named agent (a deactivated agent makes the action fail with a clear message in the job's log). */
export async function assignAgent(ctx: Ctx, conversationId: string, agentId: string) {
  const conversation = await assignConversation(ctx, conversationId, { agent: { id: agentId } });
  return `assigned it to ${conversation.assignee?.name ?? agentId}`;
}
