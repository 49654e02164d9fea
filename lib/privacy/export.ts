import { and, asc, eq, sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { attachments, conversations, ratings, type Attachment } from "@/db/schema";
import { serializeAttachment } from "../attachments/attachments";
import { recordAudit } from "../audit/record-audit";
import type { Ctx } from "../context";
import { listActivity } from "../conversations/list-activity";
import { selectConversationRows } from "../conversations/queries";
import { serializeConversation } from "../conversations/serialize";
import { getEndUserRowOrThrow } from "../end-users/end-users";
import { serializeEndUser } from "../end-users/serialize";
import { listMessages } from "../messages/list-messages";
import { serializeRating } from "../ratings/rate-conversation";

/** A stored file as the export lists it: downloadable (signed link), with where it belongs. */
const exportedFile = (a: Attachment) => ({
  ...serializeAttachment(a),
  conversation_id: a.conversationId,
  message_id: a.messageId,
  original_email: a.isOriginalMime,
  created_at: a.createdAt.toISOString(),
});

/**
 * `GET /users/{id}/export/` (GDPR access request): everything stored about one end user as one JSON document —
 * the profile, each conversation they requested with its messages (notes too: they are about the person), its
 * activity log, rating and every stored file (a message's, the conversation's, an inbound mail's original), files
 * they uploaded that belong to no conversation of theirs, messages they wrote elsewhere, and the events that name them.
 */
export async function exportEndUser(ctx: Ctx, id: string) {
  const user = await getEndUserRowOrThrow(ctx, id);
  const found = await selectConversationRows()
    .where(and(eq(conversations.organizationId, ctx.orgId), eq(conversations.requesterId, user.id)))
    .orderBy(asc(conversations.createdAt));
  const threads = [];
  for (const row of found) {
    const conversation = serializeConversation(row);
    const [rating] = await db.select().from(ratings).where(and(eq(ratings.organizationId, ctx.orgId), eq(ratings.conversationId, conversation.id)));
    threads.push({
      ...conversation,
      anonymized_at: row.conversation.anonymizedAt?.toISOString() ?? null,
      messages: (await listMessages(ctx, conversation.id)).results,
      activity: (await listActivity(ctx, conversation.id)).results,
      rating: rating ? serializeRating(rating) : null,
      files: (
        await db.select().from(attachments).where(and(eq(attachments.organizationId, ctx.orgId), eq(attachments.conversationId, conversation.id))).orderBy(asc(attachments.createdAt), asc(attachments.id))
      ).map(exportedFile),
    });
  }
  const elsewhere = await rows<{ id: string; conversation_id: string; body: string; created_at: string }>(sql`
    select id, conversation_id, body, to_json(created_at)#>>'{}' as created_at from messages
    where organization_id = ${ctx.orgId} and author_end_user_id = ${user.id}
      and conversation_id not in (select id from conversations where organization_id = ${ctx.orgId} and requester_id = ${user.id})
    order by created_at, id`);
  const uploads = await db
    .select()
    .from(attachments)
    .where(
      and(
        eq(attachments.organizationId, ctx.orgId),
        eq(attachments.uploadedByEndUserId, user.id),
        sql`(${attachments.conversationId} is null or ${attachments.conversationId} not in (select id from conversations where organization_id = ${ctx.orgId} and requester_id = ${user.id}))`,
      ),
    )
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  const events = await rows<{ id: string; type: string; created_at: string; data: unknown }>(sql`
    select id, type, to_json(created_at)#>>'{}' as created_at, data from events
    where organization_id = ${ctx.orgId} and conversation_id is null and data::text like ${`%${user.id}%`}
    order by seq`);
  // Who read a person's whole record, and when: an access request is audited like a change (ids only).
  await recordAudit(db, ctx, { action: "end_user.exported", targetType: "end_user", targetId: user.id, data: { conversations: threads.length } });
  return {
    exported_at: new Date().toISOString(),
    user: { ...serializeEndUser(user), anonymized_at: user.anonymizedAt?.toISOString() ?? null },
    conversations: threads,
    messages_in_other_conversations: elsewhere,
    other_uploads: uploads.map(exportedFile),
    profile_events: events,
  };
}
