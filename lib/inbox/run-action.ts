import type { AgentSession } from "../auth/agent-session";
import { assignConversation } from "../conversations/assign-conversation";
import { claimConversation } from "../conversations/claim-conversation";
import { mergeConversation, unmergeConversation } from "../conversations/merge-conversation";
import { reopenConversation, resolveConversation, snoozeConversation } from "../conversations/resolve-conversation";
import { addTag, removeTag } from "../conversations/tags";
import { updateConversation } from "../conversations/update-conversation";
import { conversationActionSchema, type ConversationAction } from "./action-schemas";

/**
 * Runs one inbox action through the same lib/ function the API uses, as the signed-in agent, so the
 * activity log, webhook outbox and live signals are the API's own. A claim never takes a conversation
 * from someone else unless `force` (the agent's explicit "Take over"): a lost race answers 409 "Already assigned to …".
 */
export async function runConversationAction(session: AgentSession, conversationId: string, input: ConversationAction | unknown) {
  const action = conversationActionSchema.parse(input);
  const { ctx } = session;
  switch (action.action) {
    case "claim":
      return claimConversation(ctx, conversationId, { id: session.agent.id, force: action.force ?? false });
    case "assign":
      return assignConversation(ctx, conversationId, { agent: action.agent_id ? { id: action.agent_id } : null });
    case "set_team":
      return assignConversation(ctx, conversationId, { team: action.team_id });
    case "resolve":
      return resolveConversation(ctx, conversationId);
    case "reopen":
      return reopenConversation(ctx, conversationId);
    case "set_pending":
      return updateConversation(ctx, conversationId, { status: "pending" });
    case "snooze":
      return snoozeConversation(ctx, conversationId, { until: new Date(action.until) });
    case "set_priority":
      return updateConversation(ctx, conversationId, { priority: action.priority });
    case "add_tag":
      return addTag(ctx, conversationId, action.tag);
    case "remove_tag":
      return removeTag(ctx, conversationId, action.tag);
    case "set_attributes":
      return updateConversation(ctx, conversationId, { custom_attributes: action.custom_attributes });
    case "merge":
      return mergeConversation(ctx, conversationId, { into: action.into });
    case "unmerge":
      return unmergeConversation(ctx, conversationId);
  }
}
