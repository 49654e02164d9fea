import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { serializeAttachment } from "../attachments/attachments";
import { isImagePreviewable } from "../attachments/sniff";

export type MessageEmail = {
  from: string | null;
  to: string[];
  cc: string[];
  delivery_status: "queued" | "sent" | "failed" | null;
  delivery_error: string | null;
  /** A failed mail with no retry scheduled (or one the agent may hurry): the inbox offers Retry. */
  retry_at: string | null;
  original_url: string | null;
};

type EmailRow = { message_id: string; from_address: string | null; to_addresses: string[]; cc_addresses: string[]; delivery_status: MessageEmail["delivery_status"]; last_error: string | null; next_attempt_at: string | null; raw_attachment_id: string | null };
type FileRow = { id: string; message_id: string; filename: string; content_type: string; size: number; is_original_mime: boolean };

/**
 * For the inbox thread: each message's email envelope (From/To/CC, delivery state, the original MIME to
 * download) and its files with signed URLs, in two queries for the whole thread.
 */
export async function messageEmailDetails(orgId: string, messageIds: string[]) {
  const email = new Map<string, MessageEmail>();
  const files = new Map<string, (ReturnType<typeof serializeAttachment> & { preview: boolean })[]>();
  if (!messageIds.length) return { email, files };
  const [emails, attachments] = await Promise.all([
    rows<EmailRow>(sql`select message_id, from_address, to_addresses, cc_addresses, delivery_status, last_error, to_json(next_attempt_at)#>>'{}' as next_attempt_at, raw_attachment_id
      from email_messages where organization_id = ${orgId} and message_id in ${messageIds}`),
    rows<FileRow>(sql`select id, message_id, filename, content_type, size, is_original_mime from attachments
      where organization_id = ${orgId} and message_id in ${messageIds} order by created_at, id`),
  ]);
  const originals = new Map(attachments.filter((a) => a.is_original_mime).map((a) => [a.id, a]));
  for (const e of emails) {
    const original = e.raw_attachment_id ? originals.get(e.raw_attachment_id) : undefined;
    email.set(e.message_id, {
      from: e.from_address,
      to: e.to_addresses,
      cc: e.cc_addresses,
      delivery_status: e.delivery_status,
      delivery_error: e.last_error,
      retry_at: e.next_attempt_at,
      original_url: original ? serializeAttachment({ id: original.id, filename: original.filename, contentType: original.content_type, size: Number(original.size) }).url : null,
    });
  }
  for (const a of attachments) {
    if (a.is_original_mime) continue;
    const list = files.get(a.message_id) ?? [];
    list.push({ ...serializeAttachment({ id: a.id, filename: a.filename, contentType: a.content_type, size: Number(a.size) }), preview: isImagePreviewable(a.content_type) });
    files.set(a.message_id, list);
  }
  return { email, files };
}

/** The "Email to …" line of the composer: who the next agent reply goes to. */
export async function emailRecipientsOf(orgId: string, conversationId: string) {
  const [row] = await rows<{ to: string | null; cc: string[]; from: string | null }>(
    sql`select u.email as "to", t.cc, ch.address as "from" from email_threads t
      join conversations c on c.id = t.conversation_id join end_users u on u.id = c.requester_id
      left join channels ch on ch.id = t.channel_id
      where t.organization_id = ${orgId} and t.conversation_id = ${conversationId}`,
  );
  return row ?? null;
}
