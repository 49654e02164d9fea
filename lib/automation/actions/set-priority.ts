import type { Ctx } from "../../context";
import { updateConversation } from "../../conversations/update-conversation";
import type { Action } from "../schemas";

type Priority = Extract<Action, { type: "set_priority" }>["priority"];

export async function setPriority(ctx: Ctx, conversationId: string, priority: Priority) {
  await updateConversation(ctx, conversationId, { priority });
  return `set priority ${priority}`;
}
