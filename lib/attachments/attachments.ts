import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { attachments, type Attachment } from "@/db/schema";
import { invalid, notFound } from "../errors";
import { isUuid } from "../ids";
import { deleteAttachmentRows } from "./file-deletions";
import { signedDownloadPath } from "./signed-url";
import { sniffContentType } from "./sniff";
import { fileStore, newStorageKey } from "./store";

export const MAX_ATTACHMENT_BYTES = Number(process.env.DEXRA_ATTACHMENT_MAX_BYTES ?? 25 * 1024 * 1024);

export type StoredFile = { storageKey: string; contentType: string; size: number; filename: string };

/** Writes the bytes first (outside any transaction); the row that makes them visible is inserted by the caller. */
export async function storeFile(orgId: string, file: { filename: string; content: Buffer; contentType?: string | null }): Promise<StoredFile> {
  const filename = cleanFilename(file.filename);
  const contentType = await sniffContentType(file.content, file.contentType, filename);
  const storageKey = newStorageKey(orgId);
  await fileStore().put(storageKey, file.content, contentType);
  return { storageKey, contentType, size: file.content.length, filename };
}

/** Drops path parts and control characters: the name is only ever shown and sent back in Content-Disposition. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(0, 200);
  return cleaned || "file";
}

export type AttachmentLink = {
  conversationId?: string | null;
  messageId?: string | null;
  isOriginalMime?: boolean;
  uploadedByEndUserId?: string | null;
  uploadedFromAddress?: string | null;
};

export async function insertAttachment(executor: DbOrTx, orgId: string, file: StoredFile, link: AttachmentLink = {}): Promise<Attachment> {
  const [row] = await executor
    .insert(attachments)
    .values({ organizationId: orgId, ...file, conversationId: link.conversationId ?? null, messageId: link.messageId ?? null, isOriginalMime: link.isOriginalMime ?? false, uploadedByEndUserId: link.uploadedByEndUserId ?? null, uploadedFromAddress: link.uploadedFromAddress ?? null })
    .returning();
  return row!;
}

export function serializeAttachment(a: Pick<Attachment, "id" | "filename" | "contentType" | "size">, baseUrl = "") {
  return { id: a.id, filename: a.filename, content_type: a.contentType, size: a.size, url: `${baseUrl}${signedDownloadPath(a.id)}` };
}
export type AttachmentJson = ReturnType<typeof serializeAttachment>;

export async function getAttachmentOrThrow(id: string, orgId?: string) {
  if (!isUuid(id)) throw notFound("Attachment");
  const [row] = await db.select().from(attachments).where(and(eq(attachments.id, id), orgId ? eq(attachments.organizationId, orgId) : undefined));
  if (!row) throw notFound("Attachment");
  return row;
}

/**
 * Links uploaded attachments to a message: only the organization's own, not yet sent with another message, and
 * (for an end user) only their own uploads. Any id that does not qualify is a 400 naming it.
 */
export async function claimAttachments(executor: DbOrTx, orgId: string, ids: string[], target: { conversationId: string; messageId: string }, uploaderEndUserId?: string) {
  if (!ids.length) return [];
  const bad = ids.filter((id) => !isUuid(id));
  const claimed = bad.length
    ? []
    : await executor
        .update(attachments)
        .set({ conversationId: target.conversationId, messageId: target.messageId })
        .where(
          and(
            eq(attachments.organizationId, orgId),
            inArray(attachments.id, ids),
            isNull(attachments.messageId),
            uploaderEndUserId ? eq(attachments.uploadedByEndUserId, uploaderEndUserId) : undefined,
          ),
        )
        .returning();
  if (claimed.length !== new Set(ids).size) {
    const missing = ids.filter((id) => !claimed.some((c) => c.id === id));
    throw invalid(`attachment_ids: ${missing.join(", ")} not found or already sent`, [{ path: ["attachment_ids"], message: "unknown or already used" }]);
  }
  return claimed;
}

/**
 * Removes a conversation's attachment rows and queues their bytes for deletion after commit (file-deletions.ts):
 * called inside the transaction that deletes or anonymizes the conversation (GDPR). The caller drains the returned
 * keys once it has committed; the prune job drains whatever is left.
 */
export async function deleteConversationAttachments(orgId: string, conversationId: string, executor: DbOrTx = db) {
  return deleteAttachmentRows(executor, sql`organization_id = ${orgId} and conversation_id = ${conversationId}`);
}

/**
 * Removes every file an end user uploaded, wherever it is (unsent, or in a conversation they did not request after a
 * merge), queuing the bytes like deleteConversationAttachments: for their erasure (GDPR).
 */
export async function deleteEndUserUploads(orgId: string, endUserId: string, executor: DbOrTx = db) {
  return deleteAttachmentRows(executor, sql`organization_id = ${orgId} and uploaded_by_end_user_id = ${endUserId}`);
}

/** Uploads never sent with a message, and files whose conversation is gone (ON DELETE SET NULL), after a day. */
export const ORPHAN_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Run by the regular prune job (lib/api/prune-tables.ts) in every deployment: the rows go and their keys are
 * queued in one statement, in batches; drainFileDeletions then removes the bytes.
 */
export async function pruneOrphanAttachments(olderThanMs = ORPHAN_AFTER_MS) {
  let total = 0;
  for (;;) {
    const { deleted } = await deleteAttachmentRows(
      db,
      sql`id in (select id from attachments where (message_id is null or conversation_id is null)
        and created_at < now() - ${olderThanMs}::float8 * interval '1 millisecond' limit 1000)`,
    );
    total += deleted;
    if (deleted < 1000) return total;
  }
}
