import { serializeEvent } from "../events/envelope";
import { countDeliveryAttempt } from "../ops/metrics";
import { startLeasedWorker, type LeasedWorker } from "../queue/leased-worker";
import { claimDueDeliveries, completeDelivery, failDelivery, logInterruptedAttempt, releaseLeases, type ClaimedDelivery } from "./queue";
import { ATTEMPT_TIMEOUT_MS, parseRetryAfter, RETRY_SCHEDULE_MS, retryDelayMs } from "./schedule";
import { postWebhook } from "./send-webhook";
import { signWebhook } from "./signing";

export type WebhookWorkerOptions = {
  /** Delays between attempts; tests pass a compressed schedule, everything else the Standard Webhooks one. */
  schedule?: number[];
  timeoutMs?: number;
  /** Must outlast an attempt, or a second worker could start the same attempt while the first is still sending. */
  leaseMs?: number;
  concurrency?: number;
  pollMs?: number;
  /** Restricts the worker to these organizations: test files run their own workers side by side on one database. */
  organizationIds?: string[];
};

const log = (message: string, error?: unknown) => console.error(`[webhooks] ${message}`, error ?? "");

/**
 * Delivers due webhook deliveries until stopped: up to `concurrency` attempts in flight, woken by the
 * transactional NOTIFY of every event that queued deliveries, and by a poll for retries that come due.
 * Stopping lets attempts in flight finish; after `graceMs` (graceful shutdown has 10 s in all) the leases
 * of those still running are released so another worker retries them at once.
 */
export function startWebhookWorker(options: WebhookWorkerOptions = {}): LeasedWorker {
  const schedule = options.schedule ?? RETRY_SCHEDULE_MS;
  const timeoutMs = options.timeoutMs ?? ATTEMPT_TIMEOUT_MS;
  const leaseMs = options.leaseMs ?? timeoutMs * 4;
  const concurrency = options.concurrency ?? 20;
  if (leaseMs <= timeoutMs) throw new Error("The webhook lease must be longer than the attempt timeout");

  const deliver = async (claim: ClaimedDelivery) => {
    try {
      if (claim.previous_lease) await logInterruptedAttempt(claim);
      const payload = JSON.stringify(
        serializeEvent({
          id: claim.event_id,
          type: claim.event_type,
          createdAt: new Date(claim.event_created_at),
          organizationId: claim.organization_id,
          data: claim.event_data,
        }),
      );
      const previousExpiry = claim.previous_secret_expires_at ? new Date(claim.previous_secret_expires_at) : null;
      const headers = signWebhook({ secret: claim.secret, previousSecret: claim.previous_secret, previousSecretExpiresAt: previousExpiry }, claim.event_id, payload);
      const result = await postWebhook(claim.url, headers, payload, timeoutMs);
      countDeliveryAttempt(result.ok ? "delivered" : "failed");
      if (result.ok) return await completeDelivery(claim, result);
      const throttled = result.statusCode === 429 || result.statusCode === 503;
      await failDelivery(claim, result, retryDelayMs(claim.attempt, schedule, throttled ? parseRetryAfter(result.retryAfter) : undefined));
    } catch (error) {
      // The lease runs out and the delivery is retried: at-least-once, never lost.
      countDeliveryAttempt("error");
      log(`delivery ${claim.id} could not be recorded`, error);
    }
  };

  return startLeasedWorker<ClaimedDelivery>({
    name: "webhooks",
    concurrency,
    pollMs: options.pollMs ?? 1000,
    wakesOn: (signal) => (signal.deliveries ?? 0) > 0,
    claim: (free) => claimDueDeliveries(free, leaseMs, options.organizationIds),
    process: deliver,
    release: releaseLeases,
    // Refill in batches rather than one claim per finished attempt: fewer round trips under a backlog.
    refillAt: concurrency / 2,
  });
}

const numberList = (value: string | undefined) => value?.split(",").map((part) => Number(part.trim()));

/**
 * DEXRA_WEBHOOK_CONCURRENCY tunes an installation; the timing knobs exist for the process-level tests
 * (a killed worker's lease must run out in seconds, not minutes).
 */
export function webhookWorkerOptionsFromEnv(env = process.env): WebhookWorkerOptions {
  const num = (name: string) => (env[name] ? Number(env[name]) : undefined);
  return {
    concurrency: num("DEXRA_WEBHOOK_CONCURRENCY"),
    timeoutMs: num("DEXRA_WEBHOOK_TIMEOUT_MS"),
    leaseMs: num("DEXRA_WEBHOOK_LEASE_MS"),
    pollMs: num("DEXRA_WEBHOOK_POLL_MS"),
    schedule: numberList(env.DEXRA_WEBHOOK_RETRY_SCHEDULE_MS),
    organizationIds: env.DEXRA_WEBHOOK_ORGANIZATIONS?.split(","),
  };
}
