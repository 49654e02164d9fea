import { sql } from "drizzle-orm";
import { rows, type Tx } from "@/db/client";
import type { Channel } from "@/db/schema";

const MAX_MERGE_HOPS = 10;

/** `support+3fa9…@example.com` → `3fa9…` when the base address is the channel's. */
export function replyTokenFor(channel: Channel, recipients: string[]): string | null {
  const [local, domain] = channel.address.toLowerCase().split("@");
  for (const address of recipients) {
    const match = /^([^+@]+)\+([a-z0-9]+)@(.+)$/.exec(address);
    if (match && match[1] === local && match[3] === domain) return match[2]!;
  }
  return null;
}

/** An address without its `+…` sub-address, as channels are stored. */
export const baseAddress = (address: string) => address.replace(/\+[^@]*@/, "@");

export type ThreadMatch = { conversationId: string; via: "token" | "message_id" };

/**
 * Which conversation of `orgId` a mail continues, in order of trust: the reply token our Reply-To carried,
 * then every id of References and In-Reply-To against the stored Message-IDs of all mail in and out (not just
 * In-Reply-To, which clients such as Outlook rewrite; Chatwoot #10028). Merged conversations are followed to
 * their target; a deleted conversation's ids went with it (ON DELETE CASCADE), so its replies start afresh.
 */
export async function findThread(tx: Tx, orgId: string, token: string | null, threadIds: string[]): Promise<ThreadMatch | null> {
  let found: ThreadMatch | null = null;
  if (token) {
    const [hit] = await rows<{ id: string }>(sql`select conversation_id as id from email_threads where organization_id = ${orgId} and reply_token = ${token}`, tx);
    if (hit) found = { conversationId: hit.id, via: "token" };
  }
  if (!found && threadIds.length) {
    const [hit] = await rows<{ id: string }>(
      sql`select conversation_id as id from email_messages
        where organization_id = ${orgId} and rfc_message_id in ${threadIds}
        order by created_at desc limit 1`,
      tx,
    );
    if (hit) found = { conversationId: hit.id, via: "message_id" };
  }
  if (!found) return null;
  return { ...found, conversationId: await followMerges(tx, orgId, found.conversationId) };
}

async function followMerges(tx: Tx, orgId: string, conversationId: string) {
  let id = conversationId;
  for (let hop = 0; hop < MAX_MERGE_HOPS; hop++) {
    const [row] = await rows<{ merged_into_id: string | null }>(
      sql`select merged_into_id from conversations where organization_id = ${orgId} and id = ${id}`,
      tx,
    );
    if (!row?.merged_into_id) return id;
    id = row.merged_into_id;
  }
  return id;
}
