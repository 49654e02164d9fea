import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { agents, conversations, messageColumns, messages, ratings } from "@/db/schema";
import type { Ctx } from "../context";
import { notFound } from "../errors";
import { selectConversationRows } from "../conversations/queries";
import { serializeConversation } from "../conversations/serialize";
import { emailRecipientsOf, messageEmailDetails } from "../channels/message-email-details";
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
  const [list, [rating]] = await Promise.all([
    threadMessagesQuery(ctx, row.conversation.id),
    db
      .select({ score: ratings.score, comment: ratings.comment, created_at: ratings.updatedAt })
      .from(ratings)
      .where(and(eq(ratings.organizationId, ctx.orgId), eq(ratings.conversationId, row.conversation.id)))
      .limit(1),
  ]);
  const shown = list.slice(0, MAX_MESSAGES);
  const [details, email] = await Promise.all([messageEmailDetails(ctx.orgId, shown.map((m) => m.message.id)), emailRecipientsOf(ctx.orgId, row.conversation.id)]);
  const mergedInto = row.conversation.mergedIntoId ? await mergeTarget(ctx, row.conversation.mergedIntoId) : null;
  const requesterName = [row.requester.firstName, row.requester.lastName].filter(Boolean).join(" ") || row.requester.email || "Anonymous visitor";
  return {
    conversation: serializeConversation(row),
    /** Where a merged conversation's messages went, so the thread can name and link it. */
    merged_into: mergedInto,
    rating: rating ? { score: rating.score, comment: rating.comment, created_at: rating.created_at.toISOString() } : null,
    sla: nextSlaDue(row.conversation),
    truncated: list.length > MAX_MESSAGES,
    email,
    messages: shown
      .reverse()
      .map(({ message, authorName }) => ({
        ...serializeMessage(message),
        author_name: authorName ?? (message.authorEndUserId ? requesterName : (message.senderEmail ?? (message.direction === "outbound" ? "API" : "Unknown"))),
        email: details.email.get(message.id) ?? null,
        attachments: details.files.get(message.id) ?? [],
      })),
  };
}
async function mergeTarget(ctx: Ctx, id: string) {
  const [target] = await db
    .select({ id: conversations.id, number: conversations.number, subject: conversations.subject })
    .from(conversations)
    .where(and(eq(conversations.organizationId, ctx.orgId), eq(conversations.id, id)))
    .limit(1);
  return target ?? null;
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
