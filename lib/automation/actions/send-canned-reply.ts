import { db } from "@/db/client";
import type { Ctx } from "../../context";
import { renderCannedReplyFor } from "../../canned-replies/render";
import { lockConversationOrThrow } from "../../conversations/scope";
import { insertMessage } from "../../messages/insert-message";

/**
 * Sends a shared canned reply with its placeholders filled, through the one message insert (activity, outbox,
 * report facts and, on email conversations, the outbound mail queue). Written as the organization's API identity;
 * marked `automated` so no rule answers it.
 */
export async function sendCannedReply(ctx: Ctx, conversationId: string, cannedReplyId: string) {
  const { body } = await renderCannedReplyFor(ctx, cannedReplyId, conversationId);
  await db.transaction(async (tx) => {
    const conversation = await lockConversationOrThrow(tx, ctx, conversationId);
    await insertMessage(tx, ctx, {
      conversationId,
      body,
      type: "reply",
      direction: "outbound",
      author: { api: true, email: null },
      channel: conversation.channel,
      eventData: { automated: true },
    });
  });
  return "sent a canned reply";
}
