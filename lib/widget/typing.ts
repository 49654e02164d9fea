import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { conversations, endUsers } from "@/db/schema";
import type { Ctx } from "../context";
import { notFound } from "../errors";
import { LIVE_CHANNEL } from "../events/types";
import type { PresenceSignal } from "../live/types";
import { VISITOR_PRESENCE_PREFIX } from "./stream-scope";

/**
 * Tells the inbox that the visitor is (or stopped) typing in one of their conversations. It rides the
 * inbox's presence signal, so agents see "<visitor> is typing…" where they see each other.
 */
export async function publishVisitorTyping(ctx: Ctx, conversationId: string, typing: boolean) {
  if (ctx.actor.type !== "end_user") throw notFound("Conversation");
  const [found] = await db
    .select({ id: conversations.id, first: endUsers.firstName, last: endUsers.lastName, email: endUsers.email })
    .from(conversations)
    .innerJoin(endUsers, eq(endUsers.id, conversations.requesterId))
    .where(and(eq(conversations.organizationId, ctx.orgId), eq(conversations.id, conversationId), eq(conversations.requesterId, ctx.actor.id)))
    .limit(1);
  if (!found) throw notFound("Conversation");
  const signal: PresenceSignal = {
    orgId: ctx.orgId,
    conversationId,
    type: "presence",
    agentId: `${VISITOR_PRESENCE_PREFIX}${ctx.actor.id}`,
    name: [found.first, found.last].filter(Boolean).join(" ") || found.email || "Visitor",
    state: typing ? "typing" : "left",
  };
  await db.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(signal)})`);
}
