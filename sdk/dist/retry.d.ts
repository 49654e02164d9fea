export type RetryOptions = {
    /** Retries after the first attempt (default 3). */
    maxRetries?: number;
    /** The longest wait between attempts, Retry-After included (default 30 s). */
    maxDelayMs?: number;
    /** First backoff when the server names no Retry-After (default 500 ms, doubling). */
    baseDelayMs?: number;
    sleep?: (ms: number) => Promise<void>;
};
/** Retry-After as seconds or an HTTP date, in milliseconds; null when absent or unreadable. */
export declare function retryAfterMs(value: string | null, now?: number): number | null;
/**
 * A fetch that retries 429 and 503 answers, waiting what Retry-After says (else exponential backoff with jitter).
 * POSTs are retried too: the client gives each one an Idempotency-Key, so a retry never repeats a change.
 */
export declare function retryingFetch(inner: (request: Request) => Promise<Response>, options?: RetryOptions): (request: Request) => Promise<Response>;
