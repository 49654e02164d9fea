import { and, eq, sql, type SQL } from "drizzle-orm";
import { db, type DbOrTx, type Tx } from "@/db/client";
import { conversationColumns, conversations, type Conversation } from "@/db/schema";
import type { Ctx } from "../context";
import { notFound } from "../errors";
import { isUuid } from "../ids";
import { getConversationRowOrThrow } from "./queries";
import { serializeConversation } from "./serialize";

/** An end user (client key) sees only the conversations they requested; everyone else the whole organization. */
export function conversationScope(ctx: Ctx): SQL {
  const org = eq(conversations.organizationId, ctx.orgId);
  return ctx.actor.type === "end_user" ? and(org, eq(conversations.requesterId, ctx.actor.id))! : org;
}

export const isEndUser = (ctx: Ctx) => ctx.actor.type === "end_user";

/** Locks the conversation row for the rest of the transaction; 404 when outside the caller's scope. */
export async function lockConversationOrThrow(tx: Tx, ctx: Ctx, id: string): Promise<Conversation> {
  if (!isUuid(id)) throw notFound("Conversation");
  const [row] = await tx
    .select(conversationColumns)
    .from(conversations)
    .where(and(conversationScope(ctx), eq(conversations.id, id)))
    .for("update");
  if (!row) throw notFound("Conversation");
  return row;
}

/** One conversation in its public shape. */
export async function getConversation(ctx: Ctx, id: string, executor: DbOrTx = db) {
  if (!isUuid(id)) throw notFound("Conversation");
  const extra = ctx.actor.type === "end_user" ? eq(conversations.requesterId, ctx.actor.id) : undefined;
  return serializeConversation(await getConversationRowOrThrow(ctx.orgId, id, executor, extra));
}

/** Bumps updated_at; every change that is not already a column update calls it so lists re-sort. */
export async function touchConversation(tx: Tx, ctx: Ctx, id: string) {
  await tx
    .update(conversations)
    .set({ updatedAt: sql`now()` })
    .where(and(eq(conversations.organizationId, ctx.orgId), eq(conversations.id, id)));
}
