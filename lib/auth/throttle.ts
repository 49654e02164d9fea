import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { loginThrottles } from "@/db/schema";

export type ThrottleScope = "ip" | "email" | "device";
export type ThrottleKey = { scope: ThrottleScope; key: string };

/**
 * Failures allowed per window before the key is locked. An address gets more room than one email
 * (several agents may share an office address), but spraying many emails from one address is stopped.
 */
export const MAX_FAILURES: Record<ThrottleScope, number> = { ip: 20, email: 5, device: 5 };
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;

const keyId = (k: ThrottleKey) => `${k.scope}:${k.key}`;

/** Milliseconds until every one of these keys may try again, or 0. */
export async function lockRemainingMs(keys: ThrottleKey[], now = new Date()): Promise<number> {
  if (keys.length === 0) return 0;
  const rows = await db
    .select({ scope: loginThrottles.scope, key: loginThrottles.key, lockedUntil: loginThrottles.lockedUntil })
    .from(loginThrottles)
    .where(inArray(sql`${loginThrottles.scope} || ':' || ${loginThrottles.key}`, keys.map(keyId)));
  return Math.max(0, ...rows.map((row) => (row.lockedUntil?.getTime() ?? 0) - now.getTime()));
}

/** Counts a failure on each key; the MAX_FAILURES-th within the window locks that key for LOCK_MS. */
export async function recordLoginFailure(keys: ThrottleKey[], now = new Date()) {
  // ISO strings with casts: raw Date parameters are not serialized by every driver.
  const at = sql`${now.toISOString()}::timestamptz`;
  const windowStart = sql`${new Date(now.getTime() - WINDOW_MS).toISOString()}::timestamptz`;
  const lockUntil = sql`${new Date(now.getTime() + LOCK_MS).toISOString()}::timestamptz`;
  for (const { scope, key } of keys) {
    await db.execute(sql`
      insert into login_throttles (scope, key, failures, window_started_at) values (${scope}, ${key}, 1, ${at})
      on conflict (scope, key) do update set
        failures = case when login_throttles.window_started_at < ${windowStart} then 1 else login_throttles.failures + 1 end,
        window_started_at = case when login_throttles.window_started_at < ${windowStart} then ${at} else login_throttles.window_started_at end,
        locked_until = case
          when login_throttles.window_started_at >= ${windowStart} and login_throttles.failures + 1 >= ${MAX_FAILURES[scope]} then ${lockUntil}
          else login_throttles.locked_until end`);
  }
}

export async function clearLoginFailures(keys: ThrottleKey[]) {
  for (const { scope, key } of keys) {
    await db.delete(loginThrottles).where(and(eq(loginThrottles.scope, scope), eq(loginThrottles.key, key)));
  }
}

/** Deletes counters whose window and lock are both over: they no longer change any answer. */
export async function pruneLoginThrottles(now = new Date()): Promise<number> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  const gone = await db
    .delete(loginThrottles)
    .where(and(lt(loginThrottles.windowStartedAt, windowStart), or(isNull(loginThrottles.lockedUntil), lt(loginThrottles.lockedUntil, now))))
    .returning({ scope: loginThrottles.scope });
  return gone.length;
}
