import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { loginThrottles } from "@/db/schema";

export const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;

/** Milliseconds until this email may try again, or 0. */
export async function lockRemainingMs(email: string, now = new Date()): Promise<number> {
  const [row] = await db.select().from(loginThrottles).where(and(eq(loginThrottles.scope, "email"), eq(loginThrottles.key, email))).limit(1);
  const until = row?.lockedUntil?.getTime() ?? 0;
  return Math.max(0, until - now.getTime());
}

/** Counts a failure; the MAX_FAILURES-th within the window locks the email for LOCK_MS. */
export async function recordLoginFailure(email: string, now = new Date()) {
  // ISO strings with casts: raw Date parameters are not serialized by every driver.
  const at = sql`${now.toISOString()}::timestamptz`;
  const windowStart = sql`${new Date(now.getTime() - WINDOW_MS).toISOString()}::timestamptz`;
  const lockUntil = sql`${new Date(now.getTime() + LOCK_MS).toISOString()}::timestamptz`;
  await db.execute(sql`
    insert into login_throttles (scope, key, failures, window_started_at) values ('email', ${email}, 1, ${at})
    on conflict (scope, key) do update set
      failures = case when login_throttles.window_started_at < ${windowStart} then 1 else login_throttles.failures + 1 end,
      window_started_at = case when login_throttles.window_started_at < ${windowStart} then ${at} else login_throttles.window_started_at end,
      locked_until = case
        when login_throttles.window_started_at >= ${windowStart} and login_throttles.failures + 1 >= ${MAX_FAILURES} then ${lockUntil}
        else login_throttles.locked_until end`);
}

export async function clearLoginFailures(email: string) {
  await db.delete(loginThrottles).where(and(eq(loginThrottles.scope, "email"), eq(loginThrottles.key, email)));
}
