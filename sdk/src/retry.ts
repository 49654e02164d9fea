export type RetryOptions = {
  /** Retries after the first attempt (default 3). */
  maxRetries?: number;
  /** The longest wait between attempts, Retry-After included (default 30 s). */
  maxDelayMs?: number;
  /** First backoff when the server names no Retry-After (default 500 ms, doubling). */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
};

const RETRIED = new Set([429, 503]);

/** Retry-After as seconds or an HTTP date, in milliseconds; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * A fetch that retries 429 and 503 answers, waiting what Retry-After says (else exponential backoff with jitter).
 * POSTs are retried too: the client gives each one an Idempotency-Key, so a retry never repeats a change.
 */
export function retryingFetch(inner: (request: Request) => Promise<Response>, options: RetryOptions = {}) {
  const { maxRetries = 3, maxDelayMs = 30_000, baseDelayMs = 500, sleep = (ms) => new Promise((r) => setTimeout(r, ms)) } = options;
  return async (request: Request): Promise<Response> => {
    for (let attempt = 0; ; attempt++) {
      const response = await inner(request.clone());
      if (!RETRIED.has(response.status) || attempt >= maxRetries) return response;
      const backoff = baseDelayMs * 2 ** attempt * (0.8 + Math.random() * 0.4);
      await response.body?.cancel();
      await sleep(Math.min(maxDelayMs, retryAfterMs(response.headers.get("retry-after")) ?? backoff));
    }
  };
}
