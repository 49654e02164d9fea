import { isIP } from "node:net";

// How many reverse proxies stand in front of Dexra, each appending the address it was reached from to
// X-Forwarded-For. The client is the entry that many places from the right (Next sets the header to the
// socket's address when no proxy did). Entries further left were written by the client and are not trusted.
// The sign-in throttle uses it too (lib/auth/login-client).
const hops = () => Math.max(1, Number.parseInt(process.env.DEXRA_TRUSTED_PROXY_HOPS ?? "1", 10) || 1);

/** The caller's network address, for per-visitor limits and sign-in throttling; null when none can be trusted. */
export function clientAddress(headers: Headers): string | null {
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((part) => part.trim()).filter(Boolean);
  const candidate = forwarded[Math.max(0, forwarded.length - hops())]?.replace(/^::ffff:/, "") ?? null;
  return candidate && isIP(candidate) ? candidate : null;
}
