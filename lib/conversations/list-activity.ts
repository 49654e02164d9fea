import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { activities, type Activity } from "@/db/schema";
import type { Ctx } from "../context";
import { getConversation } from "./scope";

export function serializeActivity(a: Activity) {
  return {
    id: a.id,
    conversation_id: a.conversationId,
    action: a.action,
    actor: { type: a.actorType, id: a.actorId, name: a.actorName },
    data: a.data,
    created_at: a.createdAt.toISOString(),
  };
}

/** The conversation's activity log, oldest first. */
export async function listActivity(ctx: Ctx, conversationId: string) {
  await getConversation(ctx, conversationId);
  const results = await db
    .select()
    .from(activities)
    .where(and(eq(activities.organizationId, ctx.orgId), eq(activities.conversationId, conversationId)))
    .orderBy(asc(activities.seq));
  return { count: results.length, results: results.map(serializeActivity) };
}
