import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { ratings } from "@/db/schema";
import type { Ctx } from "../context";
import { lockConversationOrThrow } from "../conversations/scope";
import { recordChange } from "../events/record";
import { recordRatingFact } from "../reports/record-facts";
import { rateConversationSchema, type RateConversationInput } from "./schemas";

export function serializeRating(r: typeof ratings.$inferSelect) {
  return {
    id: r.id,
    conversation_id: r.conversationId,
    end_user_id: r.endUserId,
    score: r.score,
    comment: r.comment,
    created_at: r.createdAt.toISOString(),
    updated_at: r.updatedAt.toISOString(),
  };
}

/** Rates a conversation (one rating each; rating again replaces it), on behalf of its requester. */
export async function rateConversation(ctx: Ctx, conversationId: string, input: RateConversationInput) {
  const params = rateConversationSchema.parse(input);
  return db.transaction(async (tx) => {
    const conversation = await lockConversationOrThrow(tx, ctx, conversationId);
    const [row] = await tx
      .insert(ratings)
      .values({
        organizationId: ctx.orgId,
        conversationId,
        endUserId: conversation.requesterId,
        score: params.score,
        comment: params.comment ?? null,
      })
      .onConflictDoUpdate({
        target: ratings.conversationId,
        set: { score: params.score, comment: params.comment ?? null, updatedAt: sql`now()` },
      })
      .returning();
    const rating = serializeRating(row!);
    await recordRatingFact(tx, ctx, conversationId, rating.score, rating.comment);
    await recordChange(tx, ctx, conversationId, {
      activity: { action: "rating", data: { score: rating.score, comment: rating.comment } },
      event: { type: "rating_created", data: { conversation_id: conversationId, rating } },
    });
    return rating;
  });
}
