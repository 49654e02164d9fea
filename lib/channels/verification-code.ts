import { createHmac, randomBytes } from "node:crypto";
import { authSecret } from "../auth/secret";
import { safeEqual } from "../crypto";

/** How long one verification mail's code stays good; "Resend verification" issues a new one. */
export const VERIFICATION_TTL_HOURS = 72;

/** Marks the code in a mail's subject and body, so it is found again when the mail comes back forwarded. */
const PREFIX = "DXV-";
const CODE_PATTERN = /DXV-[0-9A-F]{20}/g;

export const newVerificationNonce = () => randomBytes(16).toString("hex");

/**
 * The one-time code for one verification mail: derived from the channel and a per-mail nonce with the server
 * secret, so only the mail (never the database, the API or the settings page) carries it, and a new nonce
 * (resend) makes the old code worthless. 80 bits: not guessable even without throttling.
 */
export function verificationCode(channelId: string, nonce: string): string {
  const mac = createHmac("sha256", `${authSecret()}:channel-verification`).update(`${channelId}.${nonce}`).digest("hex");
  return PREFIX + mac.slice(0, 20).toUpperCase();
}

export function codeMatches(channelId: string, nonce: string | null, candidate: string): boolean {
  if (!nonce) return false;
  return safeEqual(verificationCode(channelId, nonce), candidate.trim().toUpperCase());
}

/** Every code-shaped string in a mail (headers, subject and body), for the forwarding-confirmation path. */
export function codesIn(text: string): string[] {
  return [...new Set(text.toUpperCase().match(CODE_PATTERN) ?? [])];
}
