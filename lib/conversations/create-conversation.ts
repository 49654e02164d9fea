import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { db, type Tx } from "@/db/client";
import { conversations, endUsers, organizations } from "@/db/schema";
import type { Ctx } from "../context";
import { invalid, notFound } from "../errors";
import { createAnonymousEndUser, findOrCreateEndUser, findOrCreateEndUserByExternalId } from "../end-users/find-or-create-end-user";
import { claimAttachments } from "../attachments/attachments";
import { recordChange } from "../events/record";
import { insertMessage } from "../messages/insert-message";
import { recordConversationCreatedFact } from "../reports/record-facts";
import { getConversationRowOrThrow } from "./queries";
import { createConversationSchema, type CreateConversationInput } from "./schemas";
import { conversationForViewer } from "./end-user-view";
import { serializeConversation } from "./serialize";
import { setTagsInTx } from "./tags";

/** `requesterId` pins the requester (a client key's verified end user); `externalId` finds or creates them by the
 * customer's own id (the /v1 API's `user_id`); `tags` are applied in the same transaction. */
export type CreateConversationOptions = {
  requesterId?: string;
  externalId?: string;
  tags?: string[];
  /** Started by an automatic mail (out-of-office, bounce): the event says so, and automation rules never answer it. */
  automated?: boolean;
};

/** The verified end user a client key acts for; a different `user_email` in the body cannot speak for them. */
async function verifiedRequester(tx: Tx, orgId: string, id: string, claimedEmail: string | undefined, claimedExternalId?: string) {
  const [user] = await tx
    .select({ id: endUsers.id, email: endUsers.email, externalId: endUsers.externalId })
    .from(endUsers)
    .where(and(eq(endUsers.organizationId, orgId), eq(endUsers.id, id)))
    .limit(1);
  if (!user) throw notFound("End user");
  if (claimedEmail && claimedEmail.toLowerCase() !== user.email?.toLowerCase()) {
    throw invalid("user_email must be the verified end user's email");
  }
  if (claimedExternalId && claimedExternalId !== user.externalId && claimedExternalId !== user.id) {
    throw invalid("user_id must be the verified end user's id");
  }
  return user;
}

/** Whose uploads the first message may carry: a browser (client key) only its own end user's; a server key any of the organization's. */
const uploaderFor = (ctx: Ctx, requesterId: string) => (ctx.actor.type === "end_user" || (ctx.actor.type === "api_key" && ctx.actor.kind === "client") ? requesterId : undefined);

/**
 * Creates a conversation (and its requester when new). `requesterId` pins the requester, as a client key
 * acting for a verified end user does. Returns the anonymous user's token when one was created.
 */
export async function createConversation(ctx: Ctx, input: CreateConversationInput, options: CreateConversationOptions = {}) {
  const params = createConversationSchema.parse(input);
  const created = await db.transaction((tx) => createConversationInTx(tx, ctx, params, options));
  // The event carries the full conversation; the caller gets what it may see.
  return { ...created, conversation: await conversationForViewer(ctx, created.conversation) };
}

/** The same, in the caller's transaction (an inbound mail stores its conversation, message and files together). */
export async function createConversationInTx(tx: Tx, ctx: Ctx, params: z.output<typeof createConversationSchema>, options: CreateConversationOptions = {}) {
  const identity = { firstName: params.user_first_name, lastName: params.user_last_name };
  let anonymousToken: string | null = null;
  let requester;
  if (options.requesterId) requester = await verifiedRequester(tx, ctx.orgId, options.requesterId, params.user_email, options.externalId);
  else if (options.externalId) requester = await findOrCreateEndUserByExternalId(tx, ctx.orgId, options.externalId);
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

  let conversation = serializeConversation(await getConversationRowOrThrow(ctx.orgId, created!.id, tx));
  await recordChange(tx, ctx, created!.id, {
    activity: { action: "created", data: { channel: params.channel } },
    event: { type: "conversation_created", data: { conversation, ...(options.automated ? { automated: true } : {}) } },
  });
  await recordConversationCreatedFact(tx, ctx, created!.id);
  if (options.tags?.length) {
    await setTagsInTx(tx, ctx, created!.id, options.tags);
    conversation = serializeConversation(await getConversationRowOrThrow(ctx.orgId, created!.id, tx));
  }
  if (params.attachment_ids && !params.description) throw invalid("attachment_ids needs a description (the first message the files go with)", [{ path: ["description"], message: "required with attachment_ids" }]);
  if (params.description) {
    const message = await insertMessage(tx, ctx, {
      conversationId: created!.id,
      body: params.description,
      type: "reply",
      direction: "inbound",
      author: { endUserId: requester.id, email: requester.email },
      channel: params.channel,
    });
    // The first message's files (an end user may only send their own uploads, as with any later message).
    if (params.attachment_ids) await claimAttachments(tx, ctx.orgId, params.attachment_ids, { conversationId: created!.id, messageId: message.id }, uploaderFor(ctx, requester.id));
    conversation = serializeConversation(await getConversationRowOrThrow(ctx.orgId, created!.id, tx));
  }
  return { conversation, anonymousToken };
}
