const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Standard Webhooks schedule: attempt n waits RETRY_SCHEDULE_MS[n-1] after the previous one failed (~3 days). */
export const RETRY_SCHEDULE_MS = [0, 5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 14 * HOUR, 20 * HOUR, 24 * HOUR];
export const ATTEMPT_TIMEOUT_MS = 15 * SECOND;
export const FAILING_DAYS_BEFORE_DISABLE = 5;
const MAX_RETRY_AFTER_MS = 24 * HOUR;

/**
 * Delay before the next attempt once `attemptsMade` attempts have failed, or null when the schedule is used up.
 * ±10% jitter spreads retries of many deliveries to one endpoint; a Retry-After is a floor we never go under.
 */
export function retryDelayMs(attemptsMade: number, schedule: number[], retryAfterMs?: number): number | null {
  if (attemptsMade >= schedule.length) return null;
  const jittered = Math.round(schedule[attemptsMade]! * (0.9 + Math.random() * 0.2));
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * SECOND;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
