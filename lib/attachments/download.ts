import { ApiError } from "../errors";
import { getAttachmentOrThrow } from "./attachments";
import { verifyDownloadSignature } from "./signed-url";
import { ACTIVE_CONTENT } from "./sniff";
import { fileStore } from "./store";

const INLINE = /^(image\/(png|jpeg|gif|webp|avif|bmp)|application\/pdf|text\/plain|video\/(mp4|webm)|audio\/(mpeg|ogg|wav))$/i;

/**
 * Serves a file behind a signed, expiring URL. Only known-passive types are shown inline; SVG, HTML and
 * anything else are attachments, always with nosniff and a sandboxing CSP, so an uploaded page can never run
 * on the app's origin.
 */
export async function downloadAttachment(id: string, url: URL): Promise<Response> {
  if (!verifyDownloadSignature(id, url.searchParams.get("expires"), url.searchParams.get("signature"))) {
    throw new ApiError("forbidden", "This download link is invalid or has expired");
  }
  const attachment = await getAttachmentOrThrow(id);
  const bytes = await fileStore().get(attachment.storageKey);
  if (!bytes) throw new ApiError("not_found", "Attachment not found");
  const inline = INLINE.test(attachment.contentType) && !ACTIVE_CONTENT.test(attachment.contentType);
  const encoded = encodeURIComponent(attachment.filename);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": inline ? attachment.contentType : ACTIVE_CONTENT.test(attachment.contentType) ? "application/octet-stream" : attachment.contentType,
      "content-length": String(bytes.length),
      "content-disposition": `${inline ? "inline" : "attachment"}; filename="${attachment.filename.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encoded}`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, max-age=300",
    },
  });
}
