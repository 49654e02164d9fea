import PostalMime, { type Address, type Mailbox } from "postal-mime";
import { sha256 } from "../crypto";

export type ParsedAttachment = { filename: string; contentType: string; content: Buffer; inline: boolean };

export type ParsedEmail = {
  messageId: string;
  from: { address: string; name: string } | null;
  to: string[];
  cc: string[];
  /** Every address the mail was delivered to: envelope recipients first, then To, Cc and Delivered-To. */
  recipients: string[];
  subject: string;
  inReplyTo: string | null;
  /** References then In-Reply-To, every id once, in order. */
  threadIds: string[];
  references: string[];
  automated: boolean;
  text?: string;
  html?: string;
  attachments: ParsedAttachment[];
};

const flatten = (list: Address[] | undefined): Mailbox[] =>
  (list ?? []).flatMap((a) => (a.group ? a.group : [a])).filter((m) => m.address);

const lower = (list: Mailbox[]) => list.map((m) => m.address.toLowerCase());

/** `<a@b> <c@d>` → ids with their angle brackets, as stored. */
export function messageIds(value: string | undefined | null): string[] {
  return [...(value ?? "").matchAll(/<[^<>\s]+>/g)].map((m) => m[0]);
}

/**
 * Auto-replies, bounces and list mail (RFC 3834 Auto-Submitted, Precedence, List-Id, vacation headers, a null
 * or daemon sender): kept in the conversation but never answered, so two robots cannot mail each other forever.
 */
function isAutomated(header: (key: string) => string | undefined, envelopeFrom: string | null | undefined, from: string | null) {
  const autoSubmitted = header("auto-submitted");
  if (autoSubmitted && autoSubmitted.trim().toLowerCase() !== "no") return true;
  if (/^(bulk|list|junk|auto_reply)$/i.test(header("precedence")?.trim() ?? "")) return true;
  if (header("list-id") || header("list-unsubscribe") || header("x-autoreply") || header("x-autorespond") || header("x-auto-response-suppress")?.match(/all|oof|autoreply/i)) return true;
  if (envelopeFrom === "" || !from) return true;
  return /^(mailer-daemon|postmaster|no-?reply)@/i.test(from);
}

/** Parses raw RFC 5322 mail with postal-mime; a mail without Message-ID gets one derived from its bytes (so re-deliveries still match). */
/** Mail may carry NUL bytes or broken UTF-16 (=00 in quoted-printable, a bad charset): PostgreSQL text cannot hold them. */
const storable = (text: string) => text.replace(/\u0000/g, "").toWellFormed();

export async function parseEmail(raw: Buffer, envelope: { from?: string | null; to?: string[] } = {}): Promise<ParsedEmail> {
  const mail = await PostalMime.parse(raw, { attachmentEncoding: "arraybuffer" });
  const header = (key: string) => mail.headers.find((h) => h.key === key)?.value;
  const fromBox = flatten(mail.from ? [mail.from] : [])[0] ?? null;
  const to = lower(flatten(mail.to));
  const cc = lower(flatten(mail.cc));
  const delivered = [mail.deliveredTo, header("x-original-to")].filter((a): a is string => !!a).map((a) => a.toLowerCase().replace(/[<>]/g, "").trim());
  const references = messageIds(mail.references);
  const inReplyTo = messageIds(mail.inReplyTo)[0] ?? null;
  const from = fromBox ? { address: fromBox.address.toLowerCase(), name: storable(fromBox.name) } : null;
  return {
    messageId: messageIds(mail.messageId)[0] ?? `<${sha256(raw.toString("latin1"))}@dexra.invalid>`,
    from,
    to,
    cc,
    recipients: [...new Set([...(envelope.to ?? []).map((a) => a.toLowerCase()), ...to, ...cc, ...delivered])],
    subject: storable(mail.subject ?? "").trim(),
    inReplyTo,
    threadIds: [...new Set([...references, ...(inReplyTo ? [inReplyTo] : [])])],
    references,
    automated: isAutomated(header, envelope.from, from?.address ?? null),
    text: mail.text === undefined ? undefined : storable(mail.text),
    html: mail.html === undefined ? undefined : storable(mail.html),
    attachments: mail.attachments.map((a, i) => ({
      filename: storable(a.filename ?? "") || `attachment-${i + 1}`,
      contentType: a.mimeType || "application/octet-stream",
      content: Buffer.from(a.content as ArrayBuffer),
      inline: a.disposition === "inline" && !!a.contentId && a.mimeType.startsWith("image/"),
    })),
  };
}
