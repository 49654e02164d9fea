import nodemailer, { type Transporter } from "nodemailer";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { attachments } from "@/db/schema";
import { fileStore } from "../attachments/store";
import type { ClaimedEmail } from "./outbound-queue";

/** `support@x.com` + token → `support+token@x.com`: replies come back to the channel carrying the thread. */
export function replyToAddress(from: string, token: string | null) {
  if (!token) return from;
  const [local, domain] = from.split("@");
  return `${local}+${token}@${domain}`;
}

/**
 * A pooled transport (connections reused: a fresh SMTP session per mail cost ~3x the time here). Options go in
 * the URL's query because nodemailer reads only the URL when given one; the operator's own query wins.
 */
export function createSmtpTransport(url: string, timeoutMs: number): Transporter {
  const parsed = new URL(url);
  const defaults = { pool: "true", maxConnections: "5", connectionTimeout: String(timeoutMs), greetingTimeout: String(timeoutMs), socketTimeout: String(timeoutMs) };
  for (const [key, value] of Object.entries(defaults)) if (!parsed.searchParams.has(key)) parsed.searchParams.set(key, value);
  return nodemailer.createTransport(parsed.toString());
}

/** One outbound mail, exactly as queued: From is the channel, the Message-ID is the one stored for threading. */
export async function sendQueuedEmail(transport: Transporter, claim: ClaimedEmail) {
  const files = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.organizationId, claim.organization_id), eq(attachments.messageId, claim.message_id), eq(attachments.isOriginalMime, false)));
  const contents = await Promise.all(files.map(async (f) => ({ filename: f.filename, contentType: f.contentType, content: (await fileStore().get(f.storageKey)) ?? Buffer.alloc(0) })));
  const fromName = claim.agent_name && claim.channel_name ? `${claim.agent_name} (${claim.channel_name})` : (claim.channel_name ?? undefined);
  return transport.sendMail({
    from: { name: fromName ?? "", address: claim.from_address },
    replyTo: replyToAddress(claim.from_address, claim.reply_token),
    to: claim.to_addresses,
    cc: claim.cc_addresses.length ? claim.cc_addresses : undefined,
    subject: claim.subject,
    text: claim.body,
    messageId: claim.rfc_message_id,
    inReplyTo: claim.in_reply_to ?? undefined,
    references: claim.references.length ? claim.references : undefined,
    attachments: contents,
    headers: claim.automated ? { "Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All" } : undefined,
  });
}
