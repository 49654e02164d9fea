import { and, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { agents } from "@/db/schema";
import { hashPassword, verifyPassword } from "../agents/password";
import { emailSchema } from "../agents/schemas";
import { clearLoginFailures, lockRemainingMs, recordLoginFailure } from "./throttle";

export const credentialsSchema = z.object({ email: emailSchema, password: z.string().min(1, "password is required").max(200) });

export type CredentialsResult =
  | { ok: true; agent: { id: string; organizationId: string; email: string; name: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryInMinutes: number };

// Compared against when the email is unknown, so timing does not reveal which emails exist.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword("not-a-real-password"));

export async function verifyCredentials(input: unknown): Promise<CredentialsResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const remaining = await lockRemainingMs(email);
  if (remaining > 0) return { ok: false, reason: "throttled", retryInMinutes: Math.ceil(remaining / 60_000) };

  const [agent] = await db
    .select()
    .from(agents)
    .where(and(sql`lower(${agents.email}) = ${email}`, isNull(agents.deactivatedAt)))
    .limit(1);
  const valid = await verifyPassword(password, agent?.passwordHash ?? (await getDummyHash()));
  if (!agent || !agent.passwordHash || !valid) {
    await recordLoginFailure(email);
    return { ok: false, reason: "invalid" };
  }
  await clearLoginFailures(email);
  return { ok: true, agent: { id: agent.id, organizationId: agent.organizationId, email: agent.email, name: agent.name, sessionVersion: agent.sessionVersion } };
}
