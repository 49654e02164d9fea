import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { notFound } from "../errors";
import { isUuid } from "../ids";

export type ClaimedEmail = {
  id: string;
  organization_id: string;
  conversation_id: string;
  message_id: string;
  attempt: number;
  lease: string;
  rfc_message_id: string;
  from_address: string;
  channel_name: string | null;
  /** Null when the channel was deleted after the mail was queued (it still goes out from the remembered address). */
  channel_status: "pending" | "verified" | null;
  reply_token: string | null;
  to_addresses: string[];
  cc_addresses: string[];
  subject: string;
  in_reply_to: string | null;
  references: string[];
  body: string;
  agent_name: string | null;
  /** Written by an automation rule: mailed as an auto-reply (RFC 3834) so other robots do not answer it. */
  automated: boolean;
};

/**
 * Leases due outbound mail like webhook deliveries: SKIP LOCKED gives concurrent workers disjoint rows and the
 * lease (longer than an SMTP attempt may take) keeps a row from a second worker while the first sends it.
 */
export async function claimDueEmails(limit: number, leaseMs: number, organizationIds?: string[]): Promise<ClaimedEmail[]> {
  return rows<ClaimedEmail>(sql`
    with due as (
      select e.id from email_messages e
      where e.next_attempt_at is not null and e.next_attempt_at <= now() and e.delivery_status <> 'sent'
        and (e.locked_until is null or e.locked_until < now())
        ${organizationIds?.length ? sql`and e.organization_id in ${organizationIds}` : sql``}
      order by e.next_attempt_at
      limit ${limit}
      for update of e skip locked
    )
    update email_messages e
    set locked_until = now() + ${leaseMs}::float8 * interval '1 millisecond', attempts = e.attempts + 1
    from due, messages m, email_threads t
    left join channels ch on ch.id = t.channel_id
    where e.id = due.id and m.id = e.message_id and t.conversation_id = e.conversation_id
    returning e.id, e.organization_id, e.conversation_id, e.message_id, e.attempts as attempt, e.locked_until::text as lease,
      e.rfc_message_id, e.from_address, ch.name as channel_name, ch.status as channel_status, t.reply_token, e.to_addresses, e.cc_addresses, e.subject,
      e.in_reply_to, e."references", m.body, e.automated,
      (select name from agents where id = m.author_agent_id) as agent_name`);
}

export async function markEmailSent(claim: ClaimedEmail) {
  await rows(sql`update email_messages set delivery_status = 'sent', sent_at = now(), next_attempt_at = null, locked_until = null, last_error = null
    where id = ${claim.id} and locked_until = ${claim.lease}::timestamptz`);
}

/** Failed shows at once (with the reason); `retryInMs` null means no more attempts (a permanent 5xx or the schedule ran out). */
export async function markEmailFailed(claim: ClaimedEmail, error: string, retryInMs: number | null) {
  await rows(sql`update email_messages set delivery_status = 'failed', last_error = ${error.slice(0, 1000)}, locked_until = null,
      next_attempt_at = ${retryInMs === null ? null : sql`now() + ${retryInMs}::float8 * interval '1 millisecond'`}
    where id = ${claim.id} and locked_until = ${claim.lease}::timestamptz`);
}

/** The inbox's Retry: a failed mail is queued again now (a sent one cannot be, so it is never mailed twice). */
export async function retryEmailDelivery(orgId: string, messageId: string) {
  if (!isUuid(messageId)) throw notFound("Message");
  const [row] = await rows<{ id: string }>(sql`update email_messages set delivery_status = 'queued', next_attempt_at = now(), last_error = null
    where organization_id = ${orgId} and message_id = ${messageId} and direction = 'outbound' and delivery_status = 'failed'
    returning id`);
  if (!row) throw notFound("Failed email delivery");
  return { message_id: messageId, delivery_status: "queued" as const };
}
