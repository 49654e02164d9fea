import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { agents, conversations, messageColumns, messages } from "@/db/schema";
import type { Ctx } from "../context";
import { notFound } from "../errors";
import { selectConversationRows } from "../conversations/queries";
import { serializeConversation } from "../conversations/serialize";
import { serializeMessage } from "../messages/serialize";
import { nextSlaDue } from "../sla/next-due";

// Long threads are rare; past this the oldest messages are left out and the thread says so.
const MAX_MESSAGES = 500;

/** A conversation by its per-organization number with its whole thread, notes included (agents only). */
export async function getInboxThread(ctx: Ctx, number: number) {
  const [row] = await selectConversationRows()
    .where(and(eq(conversations.organizationId, ctx.orgId), eq(conversations.number, number)))
    .limit(1);
  if (!row) throw notFound("Conversation");
  const list = await threadMessagesQuery(ctx, row.conversation.id);
  const requesterName = [row.requester.firstName, row.requester.lastName].filter(Boolean).join(" ") || row.requester.email || "Anonymous visitor";
  return {
    conversation: serializeConversation(row),
    sla: nextSlaDue(row.conversation),
    truncated: list.length > MAX_MESSAGES,
    messages: list
      .slice(0, MAX_MESSAGES)
      .reverse()
      .map(({ message, authorName }) => ({
        ...serializeMessage(message),
        author_name: authorName ?? (message.authorEndUserId ? requesterName : (message.senderEmail ?? "Unknown")),
      })),
  };
}
/** The newest messages first (reversed for display); exported for EXPLAIN in bench/. */
export function threadMessagesQuery(ctx: Ctx, conversationId: string) {
  return db
    .select({ message: messageColumns, authorName: agents.name })
    .from(messages)
    .leftJoin(agents, eq(agents.id, messages.authorAgentId))
    .where(and(eq(messages.organizationId, ctx.orgId), eq(messages.conversationId, conversationId)))
    .orderBy(sql`${messages.createdAt} desc, ${messages.id} desc`)
    .limit(MAX_MESSAGES + 1);
}

export type InboxThread = Awaited<ReturnType<typeof getInboxThread>>;
export type InboxMessage = InboxThread["messages"][number];
