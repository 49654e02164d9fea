import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { rows, type Tx } from "@/db/client";
import type { Ctx } from "../context";
import { isAutomationActor } from "../automation/enqueue";
import type { MessageRecord } from "../messages/serialize";
import { createEmailThread, getEmailThread, textArray } from "./email-threads";
import { findEmailChannel } from "./manage-channels";

/** RFC 5322 suggests keeping the first id and the most recent ones when References grows long. */
const MAX_REFERENCES = 20;

const replySubject = (subject: string) => (/^(re|aw|sv|antw):/i.test(subject) ? subject : `Re: ${subject}`);
const domainOf = (address: string | null) => address?.split("@")[1] ?? "dexra.invalid";

/**
 * Queues an agent's reply for mailing, in the transaction that stores the message: the delivery row carries
 * everything the mail needs (From, To, CC, Message-ID, In-Reply-To, References) so the worker only sends.
 * A conversation without a usable channel or recipient gets a `failed` row with the reason: never a silent drop.
 */
export async function queueOutboundEmail(tx: Tx, ctx: Ctx, message: MessageRecord, options: { subject?: string } = {}) {
  let thread = await getEmailThread(tx, ctx.orgId, message.conversationId);
  if (!thread || !thread.channel_id) {
    const channel = await findEmailChannel(ctx, undefined, tx);
    const [conversation] = await rows<{ subject: string }>(sql`select subject from conversations where id = ${message.conversationId} and organization_id = ${ctx.orgId}`, tx);
    if (!thread) await createEmailThread(tx, ctx.orgId, message.conversationId, { channelId: channel?.id ?? null, subject: options.subject ?? conversation!.subject });
    else if (channel) await rows(sql`update email_threads set channel_id = ${channel.id} where organization_id = ${ctx.orgId} and conversation_id = ${message.conversationId}`, tx);
    thread = await getEmailThread(tx, ctx.orgId, message.conversationId);
  }
  const [previous] = await rows<{ rfc_message_id: string; references: string[] }>(
    sql`select rfc_message_id, "references" from email_messages
      where organization_id = ${ctx.orgId} and conversation_id = ${message.conversationId}
      order by created_at desc limit 1`,
    tx,
  );
  const chain = previous ? [...previous.references, previous.rfc_message_id] : [];
  const references = chain.length > MAX_REFERENCES ? [chain[0]!, ...chain.slice(-(MAX_REFERENCES - 1))] : chain;
  const problem = !thread?.channel_address
    ? "No email channel is configured for this organization"
    : thread.channel_status !== "verified"
      ? `${thread.channel_address} is not verified yet: nothing is sent from it until its verification code is entered (Settings → Channels)`
      : !thread.requester_email
        ? "The requester has no email address"
        : null;
  await rows(
    sql`insert into email_messages (organization_id, conversation_id, message_id, channel_id, direction, rfc_message_id, from_address,
        to_addresses, cc_addresses, subject, in_reply_to, "references", automated, delivery_status, next_attempt_at, last_error)
      values (${ctx.orgId}, ${message.conversationId}, ${message.id}, ${thread?.channel_id ?? null}, 'outbound',
        ${`<${randomUUID()}@${domainOf(thread?.channel_address ?? null)}>`}, ${thread?.channel_address ?? null},
        ${textArray(thread?.requester_email ? [thread.requester_email] : [])}, ${textArray(thread?.cc ?? [])},
        ${previous ? replySubject(thread?.subject ?? "") : options.subject ?? thread?.subject ?? ""}, ${previous?.rfc_message_id ?? null}, ${textArray(references)},
        ${isAutomationActor(ctx)}, ${problem ? "failed" : "queued"}, ${problem ? null : sql`now()`}, ${problem})`,
    tx,
  );
}
