import { and, eq, or, sql } from "drizzle-orm";
import { db, rows, type Tx } from "@/db/client";
import { cannedReplies, endUsers, messageButtons } from "@/db/schema";
import { claimAttachments } from "../attachments/attachments";
import { renderCannedReply } from "../canned-replies/placeholders";
import type { Ctx } from "../context";
import { createConversationInTx } from "../conversations/create-conversation";
import { createConversationSchema } from "../conversations/schemas";
import { lockConversationOrThrow } from "../conversations/scope";
import { findOrCreateEndUser } from "../end-users/find-or-create-end-user";
import { ApiError, invalid, notFound } from "../errors";
import { isUuid } from "../ids";
import { insertMessage } from "../messages/insert-message";
import { createEmailThread } from "./email-threads";
import { findEmailChannel } from "./manage-channels";
import { CONFIGURABLE_CHANNELS, sendMessageSchema, type SendMessageInput } from "./send-message-schema";

type Params = ReturnType<typeof sendMessageSchema.parse>;
type Recipient = typeof endUsers.$inferSelect;

const notConfigured = (channel: string) =>
  new ApiError("channel_not_configured", `No ${channel} connector is configured for this organization`, [{ path: ["channel"], message: channel }]);

/**
 * By our id, then the customer's external id, then email (an unknown email creates the end user; ids never do).
 * Our id wins when another end user's external id happens to be the same string.
 */
async function findRecipient(tx: Tx, orgId: string, id: string): Promise<Recipient> {
  const byEmail = id.includes("@");
  const ours = isUuid(id) ? eq(endUsers.id, id) : undefined;
  const [found] = await tx
    .select()
    .from(endUsers)
    .where(and(eq(endUsers.organizationId, orgId), byEmail ? sql`lower(${endUsers.email}) = ${id.toLowerCase()}` : or(ours, eq(endUsers.externalId, id))))
    .orderBy(ours ? sql`${ours} desc` : sql`1`)
    .limit(1);
  if (found) return found;
  if (byEmail) return findOrCreateEndUser(tx, orgId, { email: id });
  throw notFound("Recipient");
}

/** A canned reply (shortcut or id) with the conversation's placeholders, then the caller's variables; a gap is a 400. */
async function renderTemplate(tx: Tx, ctx: Ctx, params: Params, recipient: Recipient, conversation: { number: number; subject: string } | null) {
  const ref = params.template!.replace(/^\//, "");
  const [reply] = await tx
    .select({ body: cannedReplies.body })
    .from(cannedReplies)
    .where(and(eq(cannedReplies.organizationId, ctx.orgId), sql`${cannedReplies.ownerAgentId} is null`, isUuid(ref) ? eq(cannedReplies.id, ref) : eq(cannedReplies.shortcut, ref)))
    .limit(1);
  if (!reply) throw invalid(`template ${params.template} not found`, [{ path: ["template"], message: "no shared canned reply with this shortcut or id" }]);
  const name = [recipient.firstName, recipient.lastName].filter(Boolean).join(" ");
  const variables = Object.fromEntries(Object.entries(params.variables ?? {}).map(([k, v]) => [k, String(v)]));
  const filled = renderCannedReply(reply.body, {
    "requester.first_name": recipient.firstName,
    "requester.last_name": recipient.lastName,
    "requester.name": name || recipient.email,
    "requester.email": recipient.email,
    "conversation.number": conversation?.number ?? null,
    "conversation.subject": conversation?.subject ?? params.subject ?? null,
    "agent.name": null,
    "agent.first_name": null,
    ...variables,
  }).replace(/\{\{\s*([a-z_][a-z0-9_.]*)\s*\}\}/gi, (whole, key: string) => variables[key] ?? whole);
  const missing = [...filled.matchAll(/\{\{\s*([a-z_][a-z0-9_.]*)\s*\}\}/gi)].map((m) => m[1]!);
  if (missing.length) throw invalid(`variables missing: ${missing.join(", ")}`, [{ path: ["variables"], message: `missing ${missing.join(", ")}` }]);
  return filled.trim();
}

/**
 * Sends one message to an end user on `email` or `web` (the connectors Dexra has): in a new conversation, or in
 * `conversation_id`. Email is queued with the message (status "queued"); web is stored for the widget ("sent").
 * Any other channel, or email without an email channel, is 422 channel_not_configured: never a silent drop.
 */
export async function sendMessage(ctx: Ctx, input: SendMessageInput) {
  const params = sendMessageSchema.parse(input);
  if (!(CONFIGURABLE_CHANNELS as readonly string[]).includes(params.channel)) throw notConfigured(params.channel);
  const emailChannel = params.channel === "email" ? await findEmailChannel(ctx, params.channel_id) : null;
  if (params.channel === "email" && !emailChannel) throw notConfigured("email");
  if (emailChannel && emailChannel.status !== "verified") {
    throw new ApiError("channel_not_verified", `${emailChannel.address} is not verified yet: enter the code of its verification mail (Settings → Channels) before sending from it`);
  }
  return db.transaction(async (tx) => {
    const recipient = await findRecipient(tx, ctx.orgId, params.recipient_id);
    if (params.channel === "email" && !recipient.email) throw invalid("the recipient has no email address", [{ path: ["recipient_id"], message: "no email" }]);
    let conversation: { id: string; number: number; subject: string } | null = null;
    if (params.conversation_id) {
      const locked = await lockConversationOrThrow(tx, ctx, params.conversation_id);
      if (locked.requesterId !== recipient.id) throw notFound("Conversation");
      if (locked.channel !== params.channel) throw invalid(`conversation ${locked.id} is a ${locked.channel} conversation`, [{ path: ["channel"], message: "does not match the conversation" }]);
      conversation = locked;
    }
    let body = params.message_type === "template" ? await renderTemplate(tx, ctx, params, recipient, conversation) : (params.text ?? "");
    if (!body && params.message_type === "media") body = "(attachments)";
    if (!conversation) {
      const subject = (params.subject ?? body.split("\n")[0]!.slice(0, 100)) || "(no subject)";
      const created = await createConversationInTx(tx, ctx, createConversationSchema.parse({ subject, channel: params.channel }), { requesterId: recipient.id });
      conversation = { id: created.conversation.id, number: created.conversation.number, subject };
      if (emailChannel) await createEmailThread(tx, ctx.orgId, conversation.id, { channelId: emailChannel.id, subject });
    }
    const message = await insertMessage(tx, ctx, {
      conversationId: conversation.id,
      body,
      type: "reply",
      direction: "outbound",
      author: ctx.actor.type === "agent" ? { agentId: ctx.actor.id, email: ctx.actor.email } : { api: true, email: null },
      channel: params.channel,
    });
    if (params.attachment_ids) await claimAttachments(tx, ctx.orgId, params.attachment_ids, { conversationId: conversation.id, messageId: message.id });
    if (params.buttons) await tx.insert(messageButtons).values({ messageId: message.id, organizationId: ctx.orgId, buttons: params.buttons });
    return { message_id: message.id, conversation_id: conversation.id, status: params.channel === "email" ? ("queued" as const) : ("sent" as const) };
  });
}

/** Quick-reply buttons of messages, for the widget and the inbox. */
export async function listMessageButtons(orgId: string, messageIds: string[]) {
  if (!messageIds.length) return new Map<string, { label: string; value: string }[]>();
  const found = await rows<{ message_id: string; buttons: { label: string; value: string }[] }>(
    sql`select message_id, buttons from message_buttons where organization_id = ${orgId} and message_id in ${messageIds}`,
  );
  return new Map(found.map((r) => [r.message_id, r.buttons]));
}
