import { and, eq, sql } from "drizzle-orm";
import { db, rows, type Tx } from "@/db/client";
import { conversationColumns, conversations, endUsers, type Conversation } from "@/db/schema";
import type { Ctx } from "../context";
import { changeStatus } from "../conversations/change-status";
import { lockConversationOrThrow } from "../conversations/scope";
import { getEndUserRowOrThrow } from "../end-users/end-users";
import { ApiError } from "../errors";
import { emitEvent } from "../events/record";
import { recordAudit } from "../audit/record-audit";
import { deleteEndUserUploads } from "../attachments/attachments";
import { drainSoon } from "../attachments/file-deletions";
import { anonymizeConversationEmail } from "../channels/anonymize-email";
import { REDACTED, scrubAttributes, scrubJson } from "./scrub";
import { scrubCopies } from "./scrub-rows";

const DONE: Conversation["status"][] = ["resolved", "closed"];

/** Open conversations are closed first, and only when the caller insists. Returns how many it closed. */
async function closeIfForced(tx: Tx, ctx: Ctx, locked: Conversation[], force: boolean) {
  const open = locked.filter((c) => !DONE.includes(c.status));
  if (open.length && !force) {
    throw new ApiError("conflict", `${open.length} conversation(s) are not closed yet; send {"force": true} to close and anonymize them`, open.map((c) => ({ id: c.id, status: c.status })));
  }
  for (const c of open) await changeStatus(tx, ctx, c, "closed");
  return open.length;
}

/**
 * Replaces every text of these (locked) conversations with REDACTED: subject, previews, metadata and attribute
 * values, message bodies and sender addresses of end users, rating comments, the search documents, and every
 * copy (activities, events, webhook answers, idempotent replays); attachments through the hook. Rows, counts and
 * timestamps stay, so reports keep their numbers.
 */
async function anonymizeConversationsInTx(tx: Tx, ctx: Ctx, locked: Conversation[], userIds: string[]): Promise<string[]> {
  const ids = locked.map((c) => c.id);
  const storageKeys: string[] = [];
  if (ids.length) {
    await tx.execute(sql`update messages set body = ${REDACTED}, external_id = null,
      sender_email = case when author_agent_id is null then null else sender_email end
      where organization_id = ${ctx.orgId} and conversation_id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
    await tx.execute(sql`update ratings set comment = ${REDACTED} where organization_id = ${ctx.orgId} and comment is not null
      and conversation_id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
    for (const c of locked) {
      await tx
        .update(conversations)
        .set({
          subject: REDACTED,
          lastMessagePreview: c.lastMessagePreview === null ? null : REDACTED,
          metadata: scrubJson(c.metadata) as Record<string, unknown>,
          customAttributes: scrubAttributes(c.customAttributes),
          anonymizedAt: c.anonymizedAt ?? new Date(),
        })
        .where(and(eq(conversations.organizationId, ctx.orgId), eq(conversations.id, c.id)));
    }
    // The words of the old bodies live on in the conversations' search documents: rebuild them from the messages.
    await tx.execute(sql`update conversations c set search_document = coalesce((select dexra_search_agg(m.search order by m.created_at, m.id)
      from messages m where m.conversation_id = c.id), ''::tsvector)
      where c.organization_id = ${ctx.orgId} and c.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
    // File rows (uploads, mail attachments, the original .eml) go and their keys are queued in this transaction;
    // the bytes are deleted after commit (never inside it). The mail's addresses and subjects are blanked.
    for (const id of ids) storageKeys.push(...(await anonymizeConversationEmail(ctx.orgId, id, tx)).storageKeys);
  }
  if (userIds.length) {
    // Their messages in conversations they did not request (a merge can move them) go too, and every file they
    // uploaded (unsent ones included: the export lists them).
    await tx.execute(sql`update messages set body = ${REDACTED}, sender_email = null, external_id = null
      where organization_id = ${ctx.orgId} and author_end_user_id in (${sql.join(userIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
    for (const userId of userIds) storageKeys.push(...(await deleteEndUserUploads(ctx.orgId, userId, tx)).storageKeys);
  }
  await scrubCopies(tx, ctx.orgId, ids, userIds);
  return storageKeys;
}

async function lockConversationsOf(tx: Tx, ctx: Ctx, requesterId: string) {
  return tx
    .select(conversationColumns)
    .from(conversations)
    .where(and(eq(conversations.organizationId, ctx.orgId), eq(conversations.requesterId, requesterId)))
    .orderBy(conversations.createdAt)
    .for("update");
}

/** `POST /conversations/{id}/anonymize/`: one conversation, irreversibly; its requester's profile stays. */
export async function anonymizeConversation(ctx: Ctx, id: string, options: { force?: boolean } = {}) {
  const storageKeys = await db.transaction(async (tx) => {
    const current = await lockConversationOrThrow(tx, ctx, id);
    const closed = await closeIfForced(tx, ctx, [current], options.force === true);
    const [locked] = await tx.select(conversationColumns).from(conversations).where(eq(conversations.id, id));
    const keys = await anonymizeConversationsInTx(tx, ctx, [locked!], []);
    await emitEvent(tx, ctx, "conversation_anonymized", { conversation_id: id }, id);
    // An erasure is an organization-level act: the audit log keeps who did it and when (ids and counts only).
    await recordAudit(tx, ctx, { action: "conversation.anonymized", targetType: "conversation", targetId: id, data: { closed_first: closed } });
    return keys;
  });
  await drainSoon(storageKeys);
  return { status: "done" as const };
}

/** `POST /users/{id}/anonymize/`: the end user's profile and every conversation they requested. */
export async function anonymizeEndUser(ctx: Ctx, id: string, options: { force?: boolean } = {}) {
  const storageKeys = await db.transaction(async (tx) => {
    const user = await getEndUserRowOrThrow(ctx, id, tx, true);
    const current = await lockConversationsOf(tx, ctx, user.id);
    const closed = await closeIfForced(tx, ctx, current, options.force === true);
    const locked = await lockConversationsOf(tx, ctx, user.id);
    await tx
      .update(endUsers)
      .set({
        email: null,
        externalId: null,
        firstName: user.firstName === null ? null : REDACTED,
        lastName: user.lastName === null ? null : REDACTED,
        customAttributes: scrubAttributes(user.customAttributes),
        anonymousTokenHash: null,
        anonymizedAt: user.anonymizedAt ?? new Date(),
      })
      .where(and(eq(endUsers.organizationId, ctx.orgId), eq(endUsers.id, user.id)));
    const keys = await anonymizeConversationsInTx(tx, ctx, locked, [user.id]);
    for (const c of locked) await emitEvent(tx, ctx, "conversation_anonymized", { conversation_id: c.id }, c.id);
    await emitEvent(tx, ctx, "user_anonymized", { user_id: user.id, conversation_ids: locked.map((c) => c.id) });
    await recordAudit(tx, ctx, { action: "end_user.anonymized", targetType: "end_user", targetId: user.id, data: { conversations: locked.length, closed_first: closed } });
    return keys;
  });
  await drainSoon(storageKeys);
  return { status: "done" as const };
}

/** For the retention job: anonymizes one closed conversation it has locked (SKIP LOCKED) in its transaction. */
/** Returns the storage keys it queued: the caller drains them after its commit (or the prune job does). */
export async function anonymizeLockedConversation(tx: Tx, ctx: Ctx, locked: Conversation) {
  const keys = await anonymizeConversationsInTx(tx, ctx, [locked], []);
  await emitEvent(tx, ctx, "conversation_anonymized", { conversation_id: locked.id, reason: "retention" }, locked.id);
  await recordAudit(tx, ctx, { action: "conversation.anonymized", targetType: "conversation", targetId: locked.id, data: { reason: "retention" } });
  return keys;
}

export const anonymizedCount = async (orgId: string) =>
  (await rows<{ n: number }>(sql`select count(*)::int as n from conversations where organization_id = ${orgId} and anonymized_at is not null`))[0]!.n;
