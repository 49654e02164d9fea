import { and, asc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { cannedReplies } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { emitEvent } from "../events/record";
import type { Ctx } from "../context";
import { invalid, notFound } from "../errors";
import { assertRole } from "../settings/authorize";
import { parseInput } from "../settings/parse";
import { createCannedReplySchema, deleteCannedReplySchema, updateCannedReplySchema } from "./schemas";
import { serializeCannedReply } from "./serialize";

const actorId = (ctx: Ctx) => (ctx.actor.type === "agent" ? ctx.actor.id : null);

/** Shared replies and the actor's own personal ones; other agents' personal replies stay private. */
const visibleTo = (ctx: Ctx): SQL =>
  and(eq(cannedReplies.organizationId, ctx.orgId), or(isNull(cannedReplies.ownerAgentId), eq(cannedReplies.ownerAgentId, sql`${actorId(ctx)}::uuid`)))!;

export async function listCannedReplies(ctx: Ctx) {
  return db.select().from(cannedReplies).where(visibleTo(ctx)).orderBy(asc(cannedReplies.shortcut));
}

/** A shortcut is unique within its scope: among shared replies, or among one agent's personal ones. */
export async function assertShortcutFree(tx: Tx, ctx: Ctx, shortcut: string, ownerAgentId: string | null, exceptId?: string) {
  const [clash] = await tx
    .select({ id: cannedReplies.id })
    .from(cannedReplies)
    .where(
      and(
        eq(cannedReplies.organizationId, ctx.orgId),
        eq(cannedReplies.shortcut, shortcut),
        ownerAgentId ? eq(cannedReplies.ownerAgentId, ownerAgentId) : isNull(cannedReplies.ownerAgentId),
        exceptId ? sql`${cannedReplies.id} <> ${exceptId}` : undefined,
      ),
    );
  if (clash) throw invalid(`the shortcut /${shortcut} is taken`, [{ path: ["shortcut"], message: "this shortcut is already used" }]);
}

export async function createCannedReply(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { shared, ...params } = parseInput(createCannedReplySchema, input);
  const ownerAgentId = shared ? null : actorId(ctx);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`canned:${ctx.orgId}`}))`);
    await assertShortcutFree(tx, ctx, params.shortcut, ownerAgentId);
    const [row] = await tx.insert(cannedReplies).values({ organizationId: ctx.orgId, ownerAgentId, ...params }).returning();
    await recordAudit(tx, ctx, { action: "canned_reply.created", targetType: "canned_reply", targetId: row!.id, data: { title: params.title, shortcut: params.shortcut, shared } });
    await emitEvent(tx, ctx, "canned_reply_created", { canned_reply: serializeCannedReply(row!) });
    return row!;
  });
}

export async function updateCannedReply(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { id, shared, ...params } = parseInput(updateCannedReplySchema, input);
  const ownerAgentId = shared ? null : actorId(ctx);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`canned:${ctx.orgId}`}))`);
    const [before] = await tx.select().from(cannedReplies).where(and(eq(cannedReplies.id, id), visibleTo(ctx))).for("update");
    if (!before) throw notFound("Canned reply");
    await assertShortcutFree(tx, ctx, params.shortcut, ownerAgentId, id);
    const [row] = await tx.update(cannedReplies).set({ ...params, ownerAgentId, updatedAt: new Date() }).where(eq(cannedReplies.id, id)).returning();
    await recordAudit(tx, ctx, { action: "canned_reply.updated", targetType: "canned_reply", targetId: id, data: { title: params.title, shortcut: params.shortcut, shared } });
    await emitEvent(tx, ctx, "canned_reply_updated", { canned_reply: serializeCannedReply(row!) });
    return row!;
  });
}

export async function deleteCannedReply(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { id } = parseInput(deleteCannedReplySchema, input);
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(cannedReplies).where(and(eq(cannedReplies.id, id), visibleTo(ctx))).returning();
    if (!row) throw notFound("Canned reply");
    await recordAudit(tx, ctx, { action: "canned_reply.deleted", targetType: "canned_reply", targetId: id, data: { title: row.title, shortcut: row.shortcut } });
    await emitEvent(tx, ctx, "canned_reply_deleted", { canned_reply: serializeCannedReply(row) });
    return { id };
  });
}
