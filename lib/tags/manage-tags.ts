import { and, asc, count, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { conversationTags, tags } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { emitEvent } from "../events/record";
import type { Ctx } from "../context";
import { invalid, notFound } from "../errors";
import { isUuid } from "../ids";
import { assertRole } from "../settings/authorize";
import { parseInput } from "../settings/parse";
import { createTagSchema, deleteTagSchema, updateTagSchema } from "./schemas";

/** The public shape of a tag (API answers and webhook payloads). */
export const serializeTag = (t: { id: string; name: string; color: string; conversations?: number }) => ({
  id: t.id,
  name: t.name,
  color: t.color,
  ...(t.conversations === undefined ? {} : { conversations: Number(t.conversations) }),
});

const nameTaken = (name: string) => invalid(`a tag named "${name}" already exists`, [{ path: ["name"], message: "a tag with this name already exists" }]);

export async function listTagsWithUsage(ctx: Ctx) {
  return db
    .select({ id: tags.id, name: tags.name, color: tags.color, conversations: count(conversationTags.conversationId) })
    .from(tags)
    .leftJoin(conversationTags, eq(conversationTags.tagId, tags.id))
    .where(eq(tags.organizationId, ctx.orgId))
    .groupBy(tags.id)
    .orderBy(asc(sql`lower(${tags.name})`));
}

/** PATCH over the API: fields not sent keep their value. */
export async function patchTag(ctx: Ctx, id: string, input: { name?: string; color?: string }) {
  if (!isUuid(id)) throw notFound("Tag");
  const [current] = await db.select().from(tags).where(and(eq(tags.id, id), eq(tags.organizationId, ctx.orgId)));
  if (!current) throw notFound("Tag");
  return updateTag(ctx, { id, name: input.name ?? current.name, color: input.color ?? current.color });
}

export async function createTag(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const params = parseInput(createTagSchema, input);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(tags).values({ organizationId: ctx.orgId, ...params }).onConflictDoNothing().returning();
    if (!row) throw nameTaken(params.name);
    await recordAudit(tx, ctx, { action: "tag.created", targetType: "tag", targetId: row.id, data: params });
    await emitEvent(tx, ctx, "tag_created", { tag: serializeTag(row) });
    return row;
  });
}

/** Renaming keeps every conversation's tag: conversations point at the tag row, not its name. */
export async function updateTag(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { id, ...params } = parseInput(updateTagSchema, input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(tags).where(and(eq(tags.id, id), eq(tags.organizationId, ctx.orgId))).for("update");
    if (!before) throw notFound("Tag");
    const [clash] = await tx
      .select({ id: tags.id })
      .from(tags)
      .where(and(eq(tags.organizationId, ctx.orgId), sql`lower(${tags.name}) = lower(${params.name})`, sql`${tags.id} <> ${id}`));
    if (clash) throw nameTaken(params.name);
    const [row] = await tx.update(tags).set(params).where(eq(tags.id, id)).returning();
    await recordAudit(tx, ctx, { action: "tag.updated", targetType: "tag", targetId: id, data: { from: { name: before.name, color: before.color }, to: params } });
    await emitEvent(tx, ctx, "tag_updated", { tag: serializeTag(row!), changes: { from: { name: before.name, color: before.color }, to: params } });
    return row!;
  });
}

export async function deleteTag(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { id } = parseInput(deleteTagSchema, input);
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(tags).where(and(eq(tags.id, id), eq(tags.organizationId, ctx.orgId))).returning();
    if (!row) throw notFound("Tag");
    await recordAudit(tx, ctx, { action: "tag.deleted", targetType: "tag", targetId: id, data: { name: row.name } });
    await emitEvent(tx, ctx, "tag_deleted", { tag: serializeTag(row) });
    return { id };
  });
}
