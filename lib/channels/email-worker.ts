import { subscribeLive } from "../live/listener";
import { isPresence } from "../live/types";
import { RETRY_SCHEDULE_MS, retryDelayMs } from "../webhooks/schedule";
import { claimDueEmails, markEmailFailed, markEmailSent, type ClaimedEmail } from "./outbound-queue";
import { createSmtpTransport, sendQueuedEmail } from "./send-email";
import { claimDueVerifications, markVerificationFailed, markVerificationSent, sendVerificationMail, type ClaimedVerification } from "./verification-mail";

export type EmailWorkerOptions = {
  smtpUrl?: string;
  schedule?: number[];
  timeoutMs?: number;
  /** Must outlast an SMTP attempt, or a second worker could send the same mail while the first still is. */
  leaseMs?: number;
  concurrency?: number;
  pollMs?: number;
  /** Restricts the worker to these organizations (test files run their own workers side by side). */
  organizationIds?: string[];
};

const log = (message: string, error?: unknown) => console.error(`[email] ${message}`, error ?? "");

/** SMTP 5xx is permanent (unknown mailbox, refused): retrying would not help and would only repeat the bounce. */
const isPermanent = (error: unknown) => {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
};

/**
 * Sends queued outbound mail through DEXRA_SMTP_URL until stopped, woken by message_out signals and by a poll
 * for retries that come due. Same discipline as the webhook worker: lease, send, record; retries on the
 * webhook schedule; a failure shows as `failed` with its reason while the next attempt waits.
 */
export function startEmailWorker(options: EmailWorkerOptions = {}) {
  const smtpUrl = options.smtpUrl ?? process.env.DEXRA_SMTP_URL;
  if (!smtpUrl) {
    log("DEXRA_SMTP_URL is not set: outbound mail stays queued until a worker with it runs");
    return { async stop() {} };
  }
  const schedule = options.schedule ?? RETRY_SCHEDULE_MS;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const leaseMs = options.leaseMs ?? timeoutMs * 4;
  const concurrency = options.concurrency ?? 10;
  const pollMs = options.pollMs ?? 1000;
  const transport = createSmtpTransport(smtpUrl, timeoutMs);

  let stopped = false;
  let wake: () => void = () => {};
  const inFlight = new Set<Promise<void>>();
  const unsubscribe = subscribeLive((message) => {
    if (!isPresence(message) && message.type === "message_out") wake();
  }).catch((error) => {
    log("LISTEN failed; falling back to polling", error);
    return () => {};
  });

  const deliver = async (claim: ClaimedEmail) => {
    // Never send from an address nobody has proven (a reply queued before verification, or retried by hand).
    if (claim.channel_status === "pending") {
      await markEmailFailed(claim, `${claim.from_address} is not verified yet`, null).catch((e) => log(`mail ${claim.id} could not be recorded`, e));
      return;
    }
    try {
      await sendQueuedEmail(transport, claim);
      await markEmailSent(claim);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await markEmailFailed(claim, reason, isPermanent(error) ? null : retryDelayMs(claim.attempt, schedule)).catch((e) => log(`mail ${claim.id} could not be recorded`, e));
    }
  };

  // Channel verification mails ride the same transport and the same retry discipline as replies.
  const deliverVerification = async (claim: ClaimedVerification) => {
    try {
      await sendVerificationMail(transport, claim);
      await markVerificationSent(claim);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await markVerificationFailed(claim, reason, isPermanent(error) ? null : retryDelayMs(claim.attempt, schedule)).catch((e) => log(`verification ${claim.id} could not be recorded`, e));
    }
  };

  const loop = async () => {
    while (!stopped) {
      let timer: NodeJS.Timeout | undefined;
      const nap = new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, pollMs);
      });
      const free = concurrency - inFlight.size;
      let claimed: ClaimedEmail[] = [];
      if (free > 0) {
        claimed = await claimDueEmails(free, leaseMs, options.organizationIds).catch((error) => {
          log("claiming mail failed", error);
          return [];
        });
        const verifications = await claimDueVerifications(Math.max(1, free - claimed.length), leaseMs, options.organizationIds).catch((error) => {
          log("claiming verification mail failed", error);
          return [];
        });
        const tasks = [...claimed.map((c) => () => deliver(c)), ...verifications.map((v) => () => deliverVerification(v))];
        for (const run of tasks) {
          const task: Promise<void> = run().finally(() => {
            inFlight.delete(task);
            wake();
          });
          inFlight.add(task);
        }
      }
      if (free === 0 || claimed.length < free) await nap;
      clearTimeout(timer);
    }
  };
  const running = loop();

  return {
    async stop() {
      stopped = true;
      wake();
      await running;
      await Promise.allSettled(inFlight);
      (await unsubscribe)();
      transport.close();
    },
  };
}

export function emailWorkerOptionsFromEnv(env = process.env): EmailWorkerOptions {
  const num = (name: string) => (env[name] ? Number(env[name]) : undefined);
  return {
    smtpUrl: env.DEXRA_SMTP_URL,
    concurrency: num("DEXRA_EMAIL_CONCURRENCY"),
    timeoutMs: num("DEXRA_EMAIL_TIMEOUT_MS"),
    pollMs: num("DEXRA_EMAIL_POLL_MS"),
    schedule: env.DEXRA_EMAIL_RETRY_SCHEDULE_MS?.split(",").map(Number),
  };
}
