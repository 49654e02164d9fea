import { isIP } from "node:net";

export const DEVICE_COOKIE = "dexra_device";

export type LoginClient = { ip: string | null; deviceCookie: string | null };

// How many reverse proxies stand in front of Dexra, each appending the address it was reached from to
// X-Forwarded-For. The client is the entry that many places from the right (Next sets the header to the
// socket's address when no proxy did). Entries further left were written by the client and are not trusted.
const hops = () => Math.max(1, Number.parseInt(process.env.DEXRA_TRUSTED_PROXY_HOPS ?? "1", 10) || 1);

/** The client address and known-device cookie of a sign-in request, for throttling. */
export function loginClient(headers: Headers): LoginClient {
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((part) => part.trim()).filter(Boolean);
  const candidate = forwarded[Math.max(0, forwarded.length - hops())]?.replace(/^::ffff:/, "") ?? null;
  const cookie = (headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${DEVICE_COOKIE}=`));
  return { ip: candidate && isIP(candidate) ? candidate : null, deviceCookie: cookie ? decodeURIComponent(cookie.slice(DEVICE_COOKIE.length + 1)) : null };
}
