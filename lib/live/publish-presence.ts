import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { conversations } from "@/db/schema";
import type { Ctx } from "../context";
import { notFound } from "../errors";
import { LIVE_CHANNEL } from "../events/types";
import type { PresenceSignal, PresenceState } from "./types";

/** Tells every agent of the organization that this agent is viewing, typing in or has left a conversation. */
export async function publishPresence(ctx: Ctx, agent: { id: string; name: string }, conversationId: string, state: PresenceState) {
  const [found] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.organizationId, ctx.orgId), eq(conversations.id, conversationId)))
    .limit(1);
  if (!found) throw notFound("Conversation");
  const signal: PresenceSignal = { orgId: ctx.orgId, conversationId, type: "presence", agentId: agent.id, name: agent.name, state };
  await db.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(signal)})`);
}
