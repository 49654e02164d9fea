import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { conversations, messages } from "@/db/schema";
import type { Ctx } from "../context";
import { emitEvent, logActivity } from "../events/record";
import { serializeMessage } from "./serialize";

export type NewMessage = {
  conversationId: string;
  body: string;
  type: "reply" | "note";
  direction: "inbound" | "outbound";
  author: { agentId: string; email: string } | { endUserId: string; email: string | null };
  externalId?: string;
  channel: string;
};

const PREVIEW_CHARS = 140;

/**
 * Inserts a message with everything that belongs to it, in the caller's transaction: the conversation's
 * last-message fields and updated_at, the activity row and the webhook outbox row.
 */
export async function insertMessage(tx: Tx, ctx: Ctx, input: NewMessage) {
  const byAgent = "agentId" in input.author;
  const [message] = await tx
    .insert(messages)
    .values({
      organizationId: ctx.orgId,
      conversationId: input.conversationId,
      direction: input.direction,
      type: input.type,
      body: input.body,
      authorAgentId: byAgent ? (input.author as { agentId: string }).agentId : null,
      authorEndUserId: byAgent ? null : (input.author as { endUserId: string }).endUserId,
      senderEmail: input.author.email,
      externalId: input.externalId,
    })
    .returning();
  const now = message!.createdAt;
  await tx
    .update(conversations)
    .set({
      updatedAt: now,
      ...(input.type === "note" ? {} : { lastMessageAt: now, lastMessagePreview: sql`left(${input.body}, ${PREVIEW_CHARS})` }),
      searchDocument: sql`dexra_search_append(${conversations.searchDocument}, to_tsvector('english', ${input.body}))`,
    })
    .where(and(eq(conversations.id, input.conversationId), eq(conversations.organizationId, ctx.orgId)));
  const json = serializeMessage(message!);
  await logActivity(tx, ctx, input.conversationId, input.type === "note" ? "note" : "message", { message_id: message!.id, direction: input.direction });
  const type = input.type === "note" ? "note_created" : input.direction === "inbound" ? "message_in" : "message_out";
  await emitEvent(
    tx,
    ctx,
    type,
    { conversation_id: input.conversationId, message: json, message_text: input.body, source_channel: input.channel },
    input.conversationId,
  );
  return message!;
}
