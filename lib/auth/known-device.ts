import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { authSecret } from "./secret";

// A browser that has signed in successfully as an email gets a signed "known device" cookie for it.
// Sign-ins from it are throttled on their own counter, so strangers failing against the email (or from a
// shared address) cannot lock the real agent out.
export const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 3600;

const sign = (deviceId: string, email: string) =>
  createHmac("sha256", `${authSecret()}:known-device`).update(`${deviceId}|${email.toLowerCase()}`).digest("base64url");

/** The cookie value that marks this browser as known for the email (a new device id unless one is given). */
export function knownDeviceCookie(email: string, deviceId: string = randomUUID()): string {
  return `${deviceId}.${sign(deviceId, email)}`;
}

/** The device id if the cookie was issued by us for this email, else null. */
export function knownDeviceId(cookie: string | null | undefined, email: string): string | null {
  const [deviceId, mac, extra] = (cookie ?? "").split(".");
  if (!deviceId || !mac || extra !== undefined || !/^[0-9a-f-]{36}$/.test(deviceId)) return null;
  const expected = Buffer.from(sign(deviceId, email));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? deviceId : null;
}
