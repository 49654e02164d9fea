import { fileTypeFromBuffer } from "file-type";

/** Types a browser would run as a document: always served as downloads (see download route). */
export const ACTIVE_CONTENT = /^(text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/xml|text\/javascript|application\/javascript)/i;

/**
 * The stored type comes from the bytes when file-type knows them, never from the uploader's claim alone; an
 * unknown binary stays application/octet-stream, and text-like claims (text/*, svg, html) are kept but
 * neutralized on download.
 */
export async function sniffContentType(content: Buffer, declared: string | null | undefined, filename: string): Promise<string> {
  const detected = await fileTypeFromBuffer(content).catch(() => undefined);
  if (detected) return detected.mime;
  const claimed = (declared ?? "").split(";")[0]!.trim().toLowerCase();
  if (/\.svg$/i.test(filename) || claimed === "image/svg+xml") return "image/svg+xml";
  if (/\.x?html?$/i.test(filename) || claimed === "text/html") return "text/html";
  if (claimed.startsWith("text/") || claimed === "message/rfc822" || claimed === "application/json") return claimed;
  return "application/octet-stream";
}

/** Raster images are previewed in the inbox; SVG never is (it is active content). */
export const isImagePreviewable = (contentType: string) => /^image\/(png|jpeg|gif|webp|avif|bmp)$/i.test(contentType);
