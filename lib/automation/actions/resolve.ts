import type { Ctx } from "../../context";
import { resolveConversation } from "../../conversations/resolve-conversation";

export async function resolve(ctx: Ctx, conversationId: string) {
  await resolveConversation(ctx, conversationId);
  return "resolved it";
}
