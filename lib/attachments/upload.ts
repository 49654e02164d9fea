import { ApiError, invalid } from "../errors";
import type { Ctx } from "../context";
import { db } from "@/db/client";
import { insertAttachment, MAX_ATTACHMENT_BYTES, serializeAttachment, storeFile } from "./attachments";
import { assertUploadableType } from "./refused-types";
import { fileStore } from "./store";
import { assertUploadAllowed, lockUploader, type Uploader } from "./upload-cap";

/** Room for the multipart framing around one file at the limit. */
export const MAX_UPLOAD_BODY_BYTES = MAX_ATTACHMENT_BYTES + 64 * 1024;

/**
 * `POST /api/v1/attachments/`: one multipart `file` field. The stored type is sniffed from the bytes; the
 * upload stays unlinked (and is pruned after a day) until a message claims it by id.
 */
export async function uploadAttachment(ctx: Ctx, body: Buffer, contentType: string, baseUrl: string, options: { clientAddress?: string | null } = {}) {
  if (!/^multipart\/form-data/i.test(contentType)) throw invalid("Content-Type must be multipart/form-data with a `file` field");
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
  } catch {
    throw invalid("The multipart body could not be read");
  }
  const file = form.get("file");
  if (!file || typeof file === "string") throw invalid("file is required", [{ path: ["file"], message: "required" }]);
  if (file.size > MAX_ATTACHMENT_BYTES) throw new ApiError("payload_too_large", `Files are limited to ${MAX_ATTACHMENT_BYTES} bytes`);
  if (file.size === 0) throw invalid("file is empty", [{ path: ["file"], message: "empty" }]);
  const content = Buffer.from(await file.arrayBuffer());
  await assertUploadableType(file.name || "file", content);
  const uploader: Uploader | null = ctx.actor.type === "end_user" ? { endUserId: ctx.actor.id, address: options.clientAddress ?? null } : null;
  // Browsers (client keys) are capped per end user and address: checked before writing any bytes, and again under a lock.
  if (uploader) await assertUploadAllowed(db, ctx.orgId, uploader, file.size);
  const stored = await storeFile(ctx.orgId, { filename: file.name || "file", content, contentType: file.type });
  try {
    const row = await db.transaction(async (tx) => {
      if (uploader) {
        await lockUploader(tx, uploader);
        await assertUploadAllowed(tx, ctx.orgId, uploader, stored.size);
      }
      return insertAttachment(tx, ctx.orgId, stored, { uploadedByEndUserId: uploader?.endUserId ?? null, uploadedFromAddress: uploader?.address ?? null });
    });
    return serializeAttachment(row, baseUrl);
  } catch (error) {
    await fileStore().delete(stored.storageKey);
    throw error;
  }
}
