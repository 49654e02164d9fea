import { createHmac } from "node:crypto";
import { authSecret } from "../auth/secret";
import { safeEqual } from "../crypto";

export const DOWNLOAD_TTL_SECONDS = Number(process.env.DEXRA_ATTACHMENT_URL_TTL_SECONDS ?? 3600);

const sign = (id: string, expires: number) => createHmac("sha256", `${authSecret()}:attachments`).update(`${id}.${expires}`).digest("base64url");

/** A download path that works without a session or key until it expires (e-mail clients and <img> tags have neither). */
export function signedDownloadPath(id: string, ttlSeconds = DOWNLOAD_TTL_SECONDS, now = Date.now()) {
  const expires = Math.floor(now / 1000) + ttlSeconds;
  return `/api/attachments/${id}/?expires=${expires}&signature=${sign(id, expires)}`;
}

export function verifyDownloadSignature(id: string, expires: string | null, signature: string | null, now = Date.now()): boolean {
  const at = Number(expires);
  if (!Number.isInteger(at) || !signature || at * 1000 < now) return false;
  return safeEqual(sign(id, at), signature);
}
