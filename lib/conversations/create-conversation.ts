import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { conversations, organizations } from "@/db/schema";
import type { Ctx } from "../context";
import { createAnonymousEndUser, findOrCreateEndUser } from "../end-users/find-or-create-end-user";
import { emitEvent, logActivity } from "../events/record";
import { insertMessage } from "../messages/insert-message";
import { getConversationRowOrThrow } from "./queries";
import { createConversationSchema, type CreateConversationInput } from "./schemas";
import { serializeConversation } from "./serialize";

/**
 * Creates a conversation (and its requester when new). `requesterId` pins the requester, as a client key
 * acting for a verified end user does. Returns the anonymous user's token when one was created.
 */
export async function createConversation(ctx: Ctx, input: CreateConversationInput, options: { requesterId?: string } = {}) {
  const params = createConversationSchema.parse(input);
  return db.transaction(async (tx) => {
    const identity = { firstName: params.user_first_name, lastName: params.user_last_name };
    let anonymousToken: string | null = null;
    let requester;
    if (options.requesterId) requester = { id: options.requesterId, email: params.user_email ?? null };
    else if (params.user_email) requester = await findOrCreateEndUser(tx, ctx.orgId, { ...identity, email: params.user_email });
    else {
      const created = await createAnonymousEndUser(tx, ctx.orgId, identity);
      requester = created.user;
      anonymousToken = created.token;
    }

    // The organization row lock serializes numbering: gapless, and a rollback gives the number back.
    const [org] = await tx
      .update(organizations)
      .set({ lastConversationNumber: sql`${organizations.lastConversationNumber} + 1` })
      .where(eq(organizations.id, ctx.orgId))
      .returning({ number: organizations.lastConversationNumber });
    const [created] = await tx
      .insert(conversations)
      .values({
        organizationId: ctx.orgId,
        number: org!.number,
        subject: params.subject,
        priority: params.priority,
        channel: params.channel,
        metadata: params.metadata,
        requesterId: requester.id,
      })
      .returning({ id: conversations.id });

    await logActivity(tx, ctx, created!.id, "created", { channel: params.channel });
    let conversation = serializeConversation(await getConversationRowOrThrow(ctx.orgId, created!.id, tx));
    await emitEvent(tx, ctx, "conversation_created", { conversation }, created!.id);
    if (params.description) {
      await insertMessage(tx, ctx, {
        conversationId: created!.id,
        body: params.description,
        type: "reply",
        direction: "inbound",
        author: { endUserId: requester.id, email: requester.email },
        channel: params.channel,
      });
      conversation = serializeConversation(await getConversationRowOrThrow(ctx.orgId, created!.id, tx));
    }
    return { conversation, anonymousToken };
  });
}
