import { ApiError } from "../errors";

const WINDOW_MS = 60_000;
const windows = new Map<string, { start: number; count: number }>();

export type RateLimitState = { limit: number; remaining: number; resetSeconds: number };

export const rateLimitHeaders = (s: RateLimitState): Record<string, string> => ({
  "ratelimit-limit": String(s.limit),
  "ratelimit-remaining": String(s.remaining),
  "ratelimit-reset": String(s.resetSeconds),
});

/**
 * Fixed one-minute window per key, counted in this process's memory: no database round trip on the hot
 * path. Several app instances each allow the limit (documented); one instance is the self-hosted default.
 */
export function consumeRateLimit(keyId: string, limit: number, now = Date.now()): RateLimitState {
  let window = windows.get(keyId);
  if (!window || now - window.start >= WINDOW_MS) {
    window = { start: now, count: 0 };
    windows.set(keyId, window);
  }
  const resetSeconds = Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
  if (window.count >= limit) {
    const state = { limit, remaining: 0, resetSeconds };
    throw new ApiError("rate_limited", `Rate limit of ${limit} requests per minute exceeded; retry in ${resetSeconds}s`, [], {
      ...rateLimitHeaders(state),
      "retry-after": String(resetSeconds),
    });
  }
  window.count += 1;
  return { limit, remaining: limit - window.count, resetSeconds };
}
