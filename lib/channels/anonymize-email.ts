import { sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { deleteConversationAttachments } from "../attachments/attachments";

/**
 * For anonymization (GDPR, lib/privacy): removes the conversation's file rows (attachments and original .eml;
 * their bytes are queued for deletion after commit, see lib/attachments/file-deletions.ts) and
 * blanks the addresses and subjects kept with its mail. Message-IDs stay, so a late reply still finds the
 * (anonymized) conversation instead of re-creating the customer's data elsewhere.
 */
export async function anonymizeConversationEmail(orgId: string, conversationId: string, executor: DbOrTx = db) {
  const files = await deleteConversationAttachments(orgId, conversationId, executor);
  // Mail not yet sent has nobody left to go to: it stops as failed rather than retrying with no recipient.
  await executor.execute(sql`update email_messages set from_address = null, to_addresses = '{}', cc_addresses = '{}', subject = '[anonymized]',
      delivery_status = case when delivery_status in ('queued', 'failed') then 'failed' else delivery_status end,
      last_error = case when delivery_status in ('queued', 'failed') then 'The conversation was anonymized before the mail was sent' else last_error end,
      next_attempt_at = null
    where organization_id = ${orgId} and conversation_id = ${conversationId}`);
  await executor.execute(sql`update email_threads set cc = '{}', subject = '[anonymized]' where organization_id = ${orgId} and conversation_id = ${conversationId}`);
  return files;
}
