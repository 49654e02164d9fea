import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { conversationMerges, conversations, messages } from "@/db/schema";
import type { Ctx } from "../context";
import { ApiError, invalid } from "../errors";
import { logActivity } from "../events/record";
import { changeStatus } from "./change-status";
import { getConversation, lockConversationOrThrow } from "./scope";

/** Locks both rows in id order so two opposite merges cannot deadlock. */
async function lockPair(tx: Tx, ctx: Ctx, a: string, b: string) {
  const [first, second] = a < b ? [a, b] : [b, a];
  const one = await lockConversationOrThrow(tx, ctx, first);
  const two = await lockConversationOrThrow(tx, ctx, second);
  return a < b ? [one, two] : [two, one];
}

/** Recomputes the target's last-message fields after messages moved in or out. */
async function refreshLastMessage(tx: Tx, ctx: Ctx, id: string) {
  await tx.execute(sql`
    update conversations c set updated_at = now(),
      last_message_at = coalesce(m.created_at, c.created_at), last_message_preview = left(m.body, 140)
    from (select 1) one
    left join lateral (select created_at, body from messages where conversation_id = ${id} and type = 'reply'
                       order by created_at desc limit 1) m on true
    where c.id = ${id} and c.organization_id = ${ctx.orgId}`);
}

/** Rebuilds a conversation's search document from the messages it holds now (NULL again if too large). */
async function rebuildSearchDocument(tx: Tx, ctx: Ctx, id: string) {
  await tx.execute(sql`
    update conversations c set search_document =
      (select dexra_search_agg(m.search order by m.created_at, m.id) from messages m where m.conversation_id = c.id)
    where c.id = ${id} and c.organization_id = ${ctx.orgId}`);
}

/**
 * Merges conversation `id` into `into` (same requester): its messages move, it is closed and points to the
 * target, both activity logs record it, and conversation_merges remembers enough to undo it exactly.
 */
export async function mergeConversation(ctx: Ctx, id: string, params: { into: string }) {
  if (id === params.into) throw invalid("a conversation cannot be merged into itself");
  return db.transaction(async (tx) => {
    const [source, target] = await lockPair(tx, ctx, id, params.into);
    if (source!.requesterId !== target!.requesterId) throw invalid("only conversations of the same requester can be merged");
    if (source!.mergedIntoId || target!.mergedIntoId) throw new ApiError("conflict", "one of these conversations is already merged into another");
    const moved = await tx
      .update(messages)
      .set({ conversationId: target!.id })
      .where(and(eq(messages.organizationId, ctx.orgId), eq(messages.conversationId, source!.id)))
      .returning({ id: messages.id });
    await tx.insert(conversationMerges).values({
      organizationId: ctx.orgId,
      sourceId: source!.id,
      targetId: target!.id,
      movedMessageIds: moved.map((m) => m.id),
      sourcePreviousStatus: source!.status,
      mergedById: ctx.actor.type === "agent" ? ctx.actor.id : null,
    });
    await tx.update(conversations).set({ mergedIntoId: target!.id }).where(eq(conversations.id, source!.id));
    // The target gains the source's words without rereading its own messages; a source too large to keep a
    // document (NULL) makes the target's NULL too, so that search reads the target's messages.
    await tx.execute(sql`
      update conversations t set search_document =
        case when s.search_document is null then null else dexra_search_append(t.search_document, s.search_document) end
      from conversations s where t.id = ${target!.id} and s.id = ${source!.id} and t.organization_id = ${ctx.orgId}`);
    await rebuildSearchDocument(tx, ctx, source!.id);
    await refreshLastMessage(tx, ctx, target!.id);
    await refreshLastMessage(tx, ctx, source!.id);
    await logActivity(tx, ctx, source!.id, "merged", { into: target!.id, into_number: target!.number, messages: moved.length });
    await logActivity(tx, ctx, target!.id, "merged", { from: source!.id, from_number: source!.number, messages: moved.length });
    if (source!.status !== "closed") return changeStatus(tx, ctx, source!, "closed");
    return getConversation(ctx, source!.id, tx);
  });
}

/** Undoes the latest merge of `id`: its own messages move back and it returns to its previous status. */
export async function unmergeConversation(ctx: Ctx, id: string) {
  return db.transaction(async (tx) => {
    const source = await lockConversationOrThrow(tx, ctx, id);
    const [merge] = await tx
      .select()
      .from(conversationMerges)
      .where(and(eq(conversationMerges.organizationId, ctx.orgId), eq(conversationMerges.sourceId, id), isNull(conversationMerges.undoneAt)))
      .orderBy(desc(conversationMerges.createdAt))
      .limit(1);
    if (!merge || source.mergedIntoId !== merge.targetId) throw new ApiError("conflict", "this conversation is not merged");
    const target = await lockConversationOrThrow(tx, ctx, merge.targetId);
    // The moved messages may since have moved on (A into B, then B into C): take them back from wherever they are.
    const holders = merge.movedMessageIds.length
      ? await tx
          .selectDistinct({ id: messages.conversationId })
          .from(messages)
          .where(and(eq(messages.organizationId, ctx.orgId), inArray(messages.id, merge.movedMessageIds)))
      : [];
    if (holders.length) {
      await tx
        .update(messages)
        .set({ conversationId: id })
        .where(and(eq(messages.organizationId, ctx.orgId), inArray(messages.id, merge.movedMessageIds)));
    }
    await tx.update(conversationMerges).set({ undoneAt: new Date() }).where(eq(conversationMerges.id, merge.id));
    await tx.update(conversations).set({ mergedIntoId: null }).where(eq(conversations.id, id));
    for (const changed of new Set([id, target.id, ...holders.map((h) => h.id)])) {
      await refreshLastMessage(tx, ctx, changed);
      await rebuildSearchDocument(tx, ctx, changed);
    }
    await logActivity(tx, ctx, id, "unmerged", { from: target.id, from_number: target.number });
    await logActivity(tx, ctx, target.id, "unmerged", { source: id, source_number: source.number });
    if (source.status !== merge.sourcePreviousStatus) return changeStatus(tx, ctx, source, merge.sourcePreviousStatus);
    return getConversation(ctx, id, tx);
  });
}
