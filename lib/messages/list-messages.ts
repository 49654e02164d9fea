import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { messageColumns, messages } from "@/db/schema";
import type { Ctx } from "../context";
import { getConversation, isEndUser } from "../conversations/scope";
import { endUserMessage } from "../conversations/end-user-view";
import { serializeMessage } from "./serialize";

/** A conversation's messages, oldest first; end users (client keys) never see private notes. */
export async function listMessages(ctx: Ctx, conversationId: string) {
  await getConversation(ctx, conversationId);
  const results = await db
    .select(messageColumns)
    .from(messages)
    .where(
      and(
        eq(messages.organizationId, ctx.orgId),
        eq(messages.conversationId, conversationId),
        isEndUser(ctx) ? eq(messages.type, "reply") : undefined,
      ),
    )
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const serialized = results.map(serializeMessage);
  return { count: results.length, results: isEndUser(ctx) ? serialized.map(endUserMessage) : serialized };
}
