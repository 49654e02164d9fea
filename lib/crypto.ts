import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const sha256 = (value: string | Uint8Array) => createHash("sha256").update(value).digest("hex");

/** URL-safe random token with `bytes` of entropy. */
export const randomToken = (bytes = 24) => randomBytes(bytes).toString("base64url");

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
