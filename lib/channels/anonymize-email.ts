import { sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { deleteConversationAttachments } from "../attachments/attachments";

/**
 * For anonymization (GDPR, lib/privacy): removes the conversation's files (attachments and original .eml) and
 * blanks the addresses and subjects kept with its mail. Message-IDs stay, so a late reply still finds the
 * (anonymized) conversation instead of re-creating the customer's data elsewhere.
 */
export async function anonymizeConversationEmail(orgId: string, conversationId: string, executor: DbOrTx = db) {
  const files = await deleteConversationAttachments(orgId, conversationId, executor);
  await executor.execute(sql`update email_messages set from_address = null, to_addresses = '{}', cc_addresses = '{}', subject = '[anonymized]'
    where organization_id = ${orgId} and conversation_id = ${conversationId}`);
  await executor.execute(sql`update email_threads set cc = '{}', subject = '[anonymized]' where organization_id = ${orgId} and conversation_id = ${conversationId}`);
  return files;
}
