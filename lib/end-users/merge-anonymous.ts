import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { conversations, endUsers, messages, ratings } from "@/db/schema";
import type { Ctx } from "../context";
import { sha256 } from "../crypto";
import { emitEvent } from "../events/record";
import { signalRequesterChanged } from "../widget/stream-scope";
import { serializeEndUser } from "./serialize";

/**
 * A visitor who chatted anonymously and then proved who they are (user_hash or user_jwt, with the anonymous
 * token in the same request, so they hold both) keeps their conversations: everything the anonymous end user
 * owned moves to the verified one and the anonymous row is deleted, in one transaction. Returns how many
 * conversations moved (0 when the token is unknown or already belongs to `intoId`).
 */
export async function mergeAnonymousEndUser(ctx: Ctx, anonymousToken: string, intoId: string): Promise<number> {
  return db.transaction(async (tx) => {
    const [anonymous] = await tx
      .select()
      .from(endUsers)
      .where(and(eq(endUsers.organizationId, ctx.orgId), eq(endUsers.anonymousTokenHash, sha256(anonymousToken)), eq(endUsers.isAnonymous, true)))
      .for("update");
    if (!anonymous || anonymous.id === intoId) return 0;
    const [target] = await tx
      .select()
      .from(endUsers)
      .where(and(eq(endUsers.organizationId, ctx.orgId), eq(endUsers.id, intoId)))
      .for("update");
    if (!target) return 0;

    const moved = await tx
      .update(conversations)
      .set({ requesterId: target.id, updatedAt: sql`now()` })
      .where(and(eq(conversations.organizationId, ctx.orgId), eq(conversations.requesterId, anonymous.id)))
      .returning({ id: conversations.id });
    await tx
      .update(messages)
      .set({ authorEndUserId: target.id, senderEmail: target.email })
      .where(and(eq(messages.organizationId, ctx.orgId), eq(messages.authorEndUserId, anonymous.id)));
    await tx.update(ratings).set({ endUserId: target.id }).where(and(eq(ratings.organizationId, ctx.orgId), eq(ratings.endUserId, anonymous.id)));
    // Names the visitor typed while anonymous fill gaps only: the verified profile wins.
    const [updated] = await tx
      .update(endUsers)
      .set({
        firstName: target.firstName ?? anonymous.firstName,
        lastName: target.lastName ?? anonymous.lastName,
        customAttributes: { ...anonymous.customAttributes, ...target.customAttributes },
        updatedAt: new Date(),
      })
      .where(eq(endUsers.id, target.id))
      .returning();
    await tx.delete(endUsers).where(eq(endUsers.id, anonymous.id));
    // Open widget streams (any process) cache who owns a conversation: tell them it moved.
    await signalRequesterChanged(tx, ctx.orgId, moved.map((c) => c.id), target.id);
    await emitEvent(tx, ctx, "user_updated", {
      user: serializeEndUser(updated!),
      changes: { merged_anonymous_user_id: anonymous.id, conversation_ids: moved.map((c) => c.id) },
    });
    return moved.length;
  });
}
