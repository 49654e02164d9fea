import { clientAddress } from "../api/client-address";

export const DEVICE_COOKIE = "dexra_device";

export type LoginClient = { ip: string | null; deviceCookie: string | null };

/** A cookie value as sent; a malformed escape (a hand-made cookie) counts as no cookie rather than failing sign-in. */
function decodeCookie(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** The client address (the same trusted-proxy rule as the API's limits) and known-device cookie of a sign-in request. */
export function loginClient(headers: Headers): LoginClient {
  const cookie = (headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${DEVICE_COOKIE}=`));
  return { ip: clientAddress(headers), deviceCookie: cookie ? decodeCookie(cookie.slice(DEVICE_COOKIE.length + 1)) : null };
}
