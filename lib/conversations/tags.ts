import { and, eq, inArray, sql } from "drizzle-orm";
import { db, rows, type Tx } from "@/db/client";
import { conversationTags, tags } from "@/db/schema";
import type { Ctx } from "../context";
import { logActivity } from "../events/record";
import { refreshSlaDueTimes } from "../sla/refresh-due-times";
import { getConversation, lockConversationOrThrow, touchConversation } from "./scope";

/** Tag ids by name (case-insensitive), creating the missing tags: tags come into being on first use. */
async function ensureTags(tx: Tx, ctx: Ctx, names: string[]) {
  if (names.length === 0) return [];
  const values = sql.join(names.map((name) => sql`(${ctx.orgId}::uuid, ${name})`), sql`, `);
  await tx.execute(sql`insert into tags (organization_id, name) values ${values} on conflict (organization_id, lower(name)) do nothing`);
  return rows<{ id: string; name: string }>(
    sql`select id, name from tags where organization_id = ${ctx.orgId} and lower(name) in (${sql.join(names.map((n) => sql`${n.toLowerCase()}`), sql`, `)})`,
    tx,
  );
}

async function currentTags(tx: Tx, conversationId: string) {
  return tx
    .select({ id: tags.id, name: tags.name })
    .from(conversationTags)
    .innerJoin(tags, eq(tags.id, conversationTags.tagId))
    .where(eq(conversationTags.conversationId, conversationId));
}

/** Makes the conversation's tags exactly `names` (PATCH `tags`), logging each addition and removal. */
export async function setTagsInTx(tx: Tx, ctx: Ctx, conversationId: string, names: string[]) {
  const wanted = await ensureTags(tx, ctx, [...new Set(names.map((n) => n.trim()))]);
  const existing = await currentTags(tx, conversationId);
  const added = wanted.filter((t) => !existing.some((e) => e.id === t.id));
  const removed = existing.filter((e) => !wanted.some((t) => t.id === e.id));
  if (added.length) {
    await tx
      .insert(conversationTags)
      .values(added.map((t) => ({ organizationId: ctx.orgId, conversationId, tagId: t.id })))
      .onConflictDoNothing();
  }
  if (removed.length) {
    await tx.delete(conversationTags).where(
      and(eq(conversationTags.conversationId, conversationId), inArray(conversationTags.tagId, removed.map((t) => t.id))),
    );
  }
  for (const t of added) await logActivity(tx, ctx, conversationId, "tag_added", { tag: t.name });
  for (const t of removed) await logActivity(tx, ctx, conversationId, "tag_removed", { tag: t.name });
  if (added.length || removed.length) {
    await touchConversation(tx, ctx, conversationId);
    await refreshSlaDueTimes(tx, conversationId);
  }
}

/** Adds one tag by name (created on first use); adding a tag already there changes nothing. */
export async function addTag(ctx: Ctx, conversationId: string, name: string) {
  return db.transaction(async (tx) => {
    await lockConversationOrThrow(tx, ctx, conversationId);
    const existing = await currentTags(tx, conversationId);
    await setTagsInTx(tx, ctx, conversationId, [...existing.map((t) => t.name), name]);
    return getConversation(ctx, conversationId, tx);
  });
}

/** Removes one tag by name; removing a tag that is not there changes nothing. */
export async function removeTag(ctx: Ctx, conversationId: string, name: string) {
  return db.transaction(async (tx) => {
    await lockConversationOrThrow(tx, ctx, conversationId);
    const existing = await currentTags(tx, conversationId);
    const keep = existing.filter((t) => t.name.toLowerCase() !== name.trim().toLowerCase());
    if (keep.length !== existing.length) await setTagsInTx(tx, ctx, conversationId, keep.map((t) => t.name));
    return getConversation(ctx, conversationId, tx);
  });
}
