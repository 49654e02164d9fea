import { and, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { agents } from "@/db/schema";
import { hashPassword, verifyPassword } from "../agents/password";
import { emailSchema } from "../agents/schemas";
import { knownDeviceId } from "./known-device";
import type { LoginClient } from "./login-client";
import { clearLoginFailures, lockRemainingMs, recordLoginFailure, type ThrottleKey } from "./throttle";

export const credentialsSchema = z.object({ email: emailSchema, password: z.string().min(1, "password is required").max(200) });

export type CredentialsResult =
  | { ok: true; agent: { id: string; organizationId: string; email: string; name: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryInMinutes: number };

// Compared against when the email is unknown, so timing does not reveal which emails exist.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword("not-a-real-password"));

// A loopback address is this machine: a local tool, or a reverse proxy that did not pass the client's address
// on (see README, "Deploying behind TLS"). Counting it would put every user in one bucket, so it is not counted.
const isLoopback = (ip: string) => ip === "::1" || ip.startsWith("127.");

/**
 * Which counters a sign-in attempt answers to. A browser known for this email (it signed in as it before)
 * has its own counter and skips the email's and the address's locks: a stranger can lock the email for
 * unknown browsers, never for the agent's own. Everyone else answers to their address and the email.
 */
function throttleKeys(email: string, client: LoginClient): { check: ThrottleKey[]; count: ThrottleKey[]; clear: ThrottleKey[] } {
  const ip: ThrottleKey[] = client.ip && !isLoopback(client.ip) ? [{ scope: "ip", key: client.ip }] : [];
  const deviceId = knownDeviceId(client.deviceCookie, email);
  if (deviceId) {
    const device: ThrottleKey = { scope: "device", key: deviceId };
    return { check: [device], count: [device, ...ip], clear: [device, { scope: "email", key: email }] };
  }
  const byEmail: ThrottleKey = { scope: "email", key: email };
  // The address's counter is never cleared by a success: signing into one's own account between
  // guesses must not reset a spray.
  return { check: [...ip, byEmail], count: [...ip, byEmail], clear: [byEmail] };
}

export async function verifyCredentials(input: unknown, client: LoginClient = { ip: null, deviceCookie: null }): Promise<CredentialsResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, client);
  const remaining = await lockRemainingMs(keys.check);
  if (remaining > 0) return { ok: false, reason: "throttled", retryInMinutes: Math.ceil(remaining / 60_000) };

  const [agent] = await db
    .select()
    .from(agents)
    .where(and(sql`lower(${agents.email}) = ${email}`, isNull(agents.deactivatedAt)))
    .limit(1);
  const valid = await verifyPassword(password, agent?.passwordHash ?? (await getDummyHash()));
  if (!agent || !agent.passwordHash || !valid) {
    await recordLoginFailure(keys.count);
    return { ok: false, reason: "invalid" };
  }
  await clearLoginFailures(keys.clear);
  return { ok: true, agent: { id: agent.id, organizationId: agent.organizationId, email: agent.email, name: agent.name, sessionVersion: agent.sessionVersion } };
}
