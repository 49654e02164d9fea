import { sql, type SQL } from "drizzle-orm";
import { rows } from "@/db/client";
import { ApiError } from "../errors";

export type RateLimitState = { limit: number; remaining: number; resetSeconds: number };
/** One counter: `key:<api key id>`, `user:<api key id>:<end user id>` or `ip:<api key id>:<address>`. */
export type RateLimitBucket = { bucket: string; limit: number };

/** A publishable key is shared by every visitor of a site: its own ceiling is this many times the per-user limit. */
export const CLIENT_KEY_CEILING_FACTOR = 20;
/** Client-key requests without an end-user identity (anonymous conversation creation) per visitor address. */
export const ANONYMOUS_PER_ADDRESS_PER_MINUTE = 60;

export const rateLimitHeaders = (s: RateLimitState): Record<string, string> => ({
  "ratelimit-limit": String(s.limit),
  "ratelimit-remaining": String(s.remaining),
  "ratelimit-reset": String(s.resetSeconds),
});

/** The buckets one request counts against: the key, plus (client keys) its end user or anonymous address. */
export function rateLimitBuckets(key: { id: string; kind: "server" | "client"; rateLimitPerMinute: number }, caller: { endUserId?: string | null; address?: string | null }): RateLimitBucket[] {
  const perMinute = key.rateLimitPerMinute;
  if (key.kind === "server") return [{ bucket: `key:${key.id}`, limit: perMinute }];
  const buckets = [{ bucket: `key:${key.id}`, limit: perMinute * CLIENT_KEY_CEILING_FACTOR }];
  if (caller.endUserId) buckets.push({ bucket: `user:${key.id}:${caller.endUserId}`, limit: perMinute });
  else buckets.push({ bucket: `ip:${key.id}:${caller.address ?? "unknown"}`, limit: Math.min(perMinute, ANONYMOUS_PER_ADDRESS_PER_MINUTE) });
  return buckets;
}

export type Counted = { bucket: string; count: number; reset: number };

// On globalThis, so fresh copies of this module (vi.resetModules, standing in for a second process) share it.
const pin = globalThis as { __dexraRateLimitWindow?: Date | null };

/**
 * Tests only: count every request in the window of `at` instead of the current minute, so a test that sends N
 * requests cannot see its counter reset when the wall clock crosses a minute boundary halfway. `null` unpins.
 */
export function pinRateLimitWindow(at: Date | null) {
  pin.__dexraRateLimitWindow = at;
}

/** The window a request is counted in: the current minute on the database's clock (shared by every instance). */
export const currentWindow = () => {
  const at = pin.__dexraRateLimitWindow;
  return at ? sql`date_trunc('minute', ${at.toISOString()}::timestamptz)` : sql`date_trunc('minute', now())`;
};

/**
 * The one counter upsert (a fixed one-minute window per bucket, kept in PostgreSQL so every instance shares it,
 * on the database's clock). `source` yields `(bucket, window_start, count)` rows: a VALUES list, or a SELECT
 * inside a larger statement (authenticate-key.ts counts a server key in its lookup, one round trip).
 */
export const countRequests = (source: SQL) => sql`
    insert into rate_limit_counters as c (bucket, window_start, count) ${source}
    on conflict (bucket) do update
      set count = case when c.window_start = excluded.window_start then c.count + 1 else 1 end,
          window_start = excluded.window_start
    returning bucket, count, ceil(extract(epoch from (window_start + interval '1 minute' - now())))::int as reset`;

/** Counts this request in every bucket with one statement and throws 429 when any bucket is over its limit. */
export async function consumeRateLimit(buckets: RateLimitBucket[]): Promise<RateLimitState> {
  // Sorted, so concurrent requests sharing buckets lock their rows in the same order (no deadlock).
  const names = buckets.map((b) => b.bucket).sort();
  const values = sql.join(names.map((name) => sql`(${name}, ${currentWindow()}, 1)`), sql`, `);
  return judgeRateLimit(buckets, await rows<Counted>(countRequests(sql`values ${values}`)));
}

/**
 * The counts against the limits: throws 429 when any bucket is over its limit; otherwise the state for the
 * answer's RateLimit-* headers, which describe the tightest bucket.
 */
export function judgeRateLimit(buckets: RateLimitBucket[], counted: Counted[]): RateLimitState {
  const states = buckets.map(({ bucket, limit }) => {
    const row = counted.find((r) => r.bucket === bucket)!;
    return { limit, remaining: Math.max(0, limit - row.count), resetSeconds: Math.max(1, row.reset), over: row.count > limit };
  });
  // The bucket that refused, else the one closest to refusing.
  const { over: exceeded, ...tightest } = states.sort((a, b) => Number(b.over) - Number(a.over) || a.remaining - b.remaining)[0]!;
  if (exceeded) {
    const s = tightest;
    throw new ApiError("rate_limited", `Rate limit of ${s.limit} requests per minute exceeded; retry in ${s.resetSeconds}s`, [], {
      ...rateLimitHeaders(s),
      "retry-after": String(s.resetSeconds),
    });
  }
  return tightest;
}
