import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { rows, type Tx } from "@/db/client";

/** Lowercase hex: some mail servers lowercase local parts, so a case-sensitive token could be lost. */
export const newReplyToken = () => randomBytes(10).toString("hex");

export type ThreadRow = {
  conversation_id: string;
  reply_token: string;
  subject: string;
  cc: string[];
  channel_id: string | null;
  channel_address: string | null;
  channel_name: string | null;
  channel_status: "pending" | "verified" | null;
  requester_email: string | null;
};

/** The conversation's email thread with its channel and requester, or null when it has none. */
export async function getEmailThread(tx: Tx, orgId: string, conversationId: string): Promise<ThreadRow | null> {
  const [row] = await rows<ThreadRow>(
    sql`select t.conversation_id, t.reply_token, t.subject, t.cc, ch.id as channel_id, ch.address as channel_address,
        ch.name as channel_name, ch.status as channel_status, u.email as requester_email
      from email_threads t
      join conversations c on c.id = t.conversation_id
      join end_users u on u.id = c.requester_id
      left join channels ch on ch.id = t.channel_id
      where t.organization_id = ${orgId} and t.conversation_id = ${conversationId}`,
    tx,
  );
  return row ?? null;
}

export async function createEmailThread(tx: Tx, orgId: string, conversationId: string, thread: { channelId: string | null; subject: string; cc?: string[] }) {
  await rows(
    sql`insert into email_threads (conversation_id, organization_id, channel_id, reply_token, subject, cc)
      values (${conversationId}, ${orgId}, ${thread.channelId}, ${newReplyToken()}, ${thread.subject}, ${textArray(thread.cc ?? [])})
      on conflict (conversation_id) do nothing`,
    tx,
  );
}

export async function setThreadCc(tx: Tx, orgId: string, conversationId: string, cc: string[]) {
  await rows(sql`update email_threads set cc = ${textArray(cc)} where organization_id = ${orgId} and conversation_id = ${conversationId}`, tx);
}

/** A text[] parameter (drizzle expands a bare JS array into a parenthesized list, which suits only IN). */
export const textArray = (values: string[]) => sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
