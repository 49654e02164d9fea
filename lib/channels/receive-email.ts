import { sql } from "drizzle-orm";
import { db, rows, type Tx } from "@/db/client";
import type { Channel } from "@/db/schema";
import { insertAttachment, storeFile, type StoredFile } from "../attachments/attachments";
import { fileStore } from "../attachments/store";
import { systemActor, type Ctx } from "../context";
import { changeStatus } from "../conversations/change-status";
import { createConversationInTx } from "../conversations/create-conversation";
import { createConversationSchema } from "../conversations/schemas";
import { lockConversationOrThrow } from "../conversations/scope";
import { findOrCreateEndUser } from "../end-users/find-or-create-end-user";
import { ApiError } from "../errors";
import { insertMessage } from "../messages/insert-message";
import { mailBody } from "./email-body";
import { createEmailThread, setThreadCc, textArray } from "./email-threads";
import { baseAddress, findThread, replyTokenFor } from "./find-thread";
import { findChannelsByAddress } from "./manage-channels";
import { parseEmail, type ParsedEmail } from "./parse-email";
import { verifyByInboundMail } from "./verify-channel";

/** Above this a mail is refused (the SMTP listener says so before the data, the HTTP route answers 413). */
export const MAX_INBOUND_BYTES = Number(process.env.DEXRA_INBOUND_MAX_BYTES ?? 40 * 1024 * 1024);
const REOPENS = new Set(["pending", "snoozed", "resolved", "closed"]);

export type ReceiveOutcome =
  | { organizationId: string; status: "stored"; conversationId: string; messageId: string; created: boolean; automated: boolean }
  | { organizationId: string; status: "duplicate"; conversationId: string };

export type Envelope = { from?: string | null; to?: string[] };

/**
 * The one way mail comes in (SMTP listener and POST /api/v1/inbound/email/): recipient address → channel →
 * organization, then threading, then one transaction storing the message, its files and its Message-ID.
 * A mail addressed to several organizations' channels is stored once in each; none → an empty list.
 * `organizationId` restricts delivery to that organization (the HTTP route, authenticated by its server key).
 */
export async function receiveEmail(raw: Buffer, envelope: Envelope = {}, options: { organizationId?: string } = {}): Promise<ReceiveOutcome[]> {
  return (await receiveMail(raw, envelope, options)).delivered;
}

/**
 * receiveEmail plus what the mail did to pending channels: `verified` lists the channels it verified (their
 * verification mail come back). Mail only for pending channels, verifying none, is refused (channel_not_verified).
 */
export async function receiveMail(raw: Buffer, envelope: Envelope = {}, options: { organizationId?: string } = {}): Promise<{ delivered: ReceiveOutcome[]; verified: Channel[] }> {
  if (raw.length > MAX_INBOUND_BYTES) throw new ApiError("payload_too_large", `Mail exceeds ${MAX_INBOUND_BYTES} bytes`);
  const mail = await parseEmail(raw, envelope);
  // With an SMTP envelope, only its recipients route: a To/Cc header naming another organization's address does
  // not deliver there (headers are the sender's to write). Without one (a relay's HTTP post), the headers do.
  const routing = envelope.to?.length ? envelope.to.map((a) => a.toLowerCase()) : mail.recipients;
  const addresses = [...new Set(routing.map(baseAddress))];
  // A relay posting with one organization's key delivers to that organization only.
  const matched = (await findChannelsByAddress(addresses)).filter((c) => !options.organizationId || c.organizationId === options.organizationId);
  const byOrg = new Map<string, Channel>();
  for (const address of addresses) {
    const channel = matched.find((c) => c.status === "verified" && c.address.toLowerCase() === address);
    if (channel && !byOrg.has(channel.organizationId)) byOrg.set(channel.organizationId, channel);
  }
  const outcomes: ReceiveOutcome[] = [];
  for (const channel of byOrg.values()) outcomes.push(await receiveForChannel(channel, { ...mail, recipients: routing }, raw));
  // Pending addresses take no conversations: only their verification mail coming back, which verifies them.
  const pending = matched.filter((c) => c.status === "pending" && !byOrg.has(c.organizationId));
  // Mail to an address reaches us whoever asked for the verification mail, so coming back over SMTP proves
  // ownership only when a single organization claims the address; a relay posting with an organization's own
  // key (organizationId) speaks for that organization. Contested addresses need the code entered by hand.
  const claimants = (address: string) => new Set(matched.filter((m) => m.address.toLowerCase() === address.toLowerCase()).map((m) => m.organizationId)).size;
  const provable = pending.filter((c) => options.organizationId || claimants(c.address) === 1);
  const verified = provable.length ? await verifyByInboundMail(provable, [mail.subject, mail.text, mail.html]) : [];
  if (!outcomes.length && !verified.length && pending.length) {
    throw new ApiError("channel_not_verified", `${pending[0]!.address} is not verified yet: its mail is not accepted until the organization proves it receives this address`);
  }
  return { delivered: outcomes, verified };
}

const isKnown = async (orgId: string, rfcId: string, executor: Tx | typeof db = db) =>
  (await rows<{ conversation_id: string }>(sql`select conversation_id from email_messages where organization_id = ${orgId} and rfc_message_id = ${rfcId}`, executor))[0];

async function receiveForChannel(channel: Channel, mail: ParsedEmail, raw: Buffer): Promise<ReceiveOutcome> {
  const orgId = channel.organizationId;
  const known = await isKnown(orgId, mail.messageId);
  if (known) return { organizationId: orgId, status: "duplicate", conversationId: known.conversation_id };
  // Bytes are written before the transaction (no connection held during disk I/O) and removed if it does not commit.
  const files: StoredFile[] = await Promise.all(mail.attachments.map((a) => storeFile(orgId, { filename: a.filename, content: a.content, contentType: a.contentType })));
  files.push(await storeFile(orgId, { filename: "original.eml", content: raw, contentType: "message/rfc822" }));
  let committed = false;
  try {
    const outcome = await db.transaction((tx) => storeMail(tx, channel, mail, files));
    committed = outcome.status === "stored";
    return outcome;
  } finally {
    if (!committed) await Promise.all(files.map((f) => fileStore().delete(f.storageKey)));
  }
}

async function storeMail(tx: Tx, channel: Channel, mail: ParsedEmail, files: StoredFile[]): Promise<ReceiveOutcome> {
  const orgId = channel.organizationId;
  // Two deliveries of one mail at once: the second waits here, then sees the first and stops.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${orgId} ${mail.messageId}`}, 14))`);
  const known = await isKnown(orgId, mail.messageId, tx);
  if (known) return { organizationId: orgId, status: "duplicate", conversationId: known.conversation_id };

  const fromAddress = mail.from?.address ?? "unknown-sender@dexra.invalid";
  const [firstName, ...rest] = (mail.from?.name ?? "").split(" ");
  const sender = await findOrCreateEndUser(tx, orgId, { email: fromAddress, firstName: firstName || undefined, lastName: rest.join(" ") || undefined });
  const ctx: Ctx = { orgId, actor: { type: "end_user", id: sender.id, name: mail.from?.name || fromAddress } };
  // All of the organization's addresses: never copied on our own replies, and mail from one of them is our own
  // mail come back (a loop), stored as automated.
  const ours = new Set((await rows<{ address: string }>(sql`select lower(address) as address from channels where organization_id = ${orgId}`, tx)).map((c) => c.address));
  if (ours.has(baseAddress(fromAddress))) mail = { ...mail, automated: true };
  const match = await findThread(tx, orgId, replyTokenFor(channel, mail.recipients), mail.threadIds);

  let conversationId: string;
  if (match) {
    conversationId = match.conversationId;
    // The sender may be someone copied in, not the requester: the system acts on the conversation itself.
    const systemCtx: Ctx = { orgId, actor: systemActor };
    const conversation = await lockConversationOrThrow(tx, systemCtx, conversationId);
    // An out-of-office answer to a resolved conversation must not reopen it.
    if (!mail.automated && REOPENS.has(conversation.status)) await changeStatus(tx, systemCtx, conversation, "open");
  } else {
    const params = createConversationSchema.parse({ subject: (mail.subject || "(no subject)").slice(0, 500), channel: "email" });
    const { conversation } = await createConversationInTx(tx, ctx, params, { requesterId: sender.id, automated: mail.automated });
    conversationId = conversation.id;
    await createEmailThread(tx, orgId, conversationId, { channelId: channel.id, subject: mail.subject || "(no subject)" });
  }

  const visibleFiles = files.slice(0, -1);
  const text = mailBody(mail);
  const body = text || (visibleFiles.length ? `(attachments: ${visibleFiles.map((f) => f.filename).join(", ")})` : "(empty message)");
  const message = await insertMessage(tx, ctx, {
    conversationId,
    body,
    type: "reply",
    direction: "inbound",
    author: { endUserId: sender.id, email: sender.email },
    channel: "email",
    eventData: { automated: mail.automated },
  });
  const stored = await Promise.all(files.map((f, i) => insertAttachment(tx, orgId, f, { conversationId, messageId: message.id, isOriginalMime: i === files.length - 1 })));
  await rows(
    sql`insert into email_messages (organization_id, conversation_id, message_id, channel_id, direction, rfc_message_id, from_address,
        to_addresses, cc_addresses, subject, in_reply_to, "references", automated, raw_attachment_id)
      values (${orgId}, ${conversationId}, ${message.id}, ${channel.id}, 'inbound', ${mail.messageId}, ${fromAddress},
        ${textArray(mail.to)}, ${textArray(mail.cc)}, ${mail.subject}, ${mail.inReplyTo}, ${textArray(mail.references)}, ${mail.automated}, ${stored.at(-1)!.id})`,
    tx,
  );
  if (!mail.automated) {
    // Reply-all: whoever else was on this mail stays copied on the agent's answers.
    const requester = (await rows<{ email: string | null }>(sql`select u.email from conversations c join end_users u on u.id = c.requester_id where c.id = ${conversationId}`, tx))[0]?.email;
    const cc = [...new Set([...mail.to, ...mail.cc, fromAddress])].filter((a) => !ours.has(baseAddress(a)) && a !== requester?.toLowerCase());
    await setThreadCc(tx, orgId, conversationId, cc);
  }
  return { organizationId: orgId, status: "stored", conversationId, messageId: message.id, created: !match, automated: mail.automated };
}
