import { startLeasedWorker, type LeasedWorker } from "../queue/leased-worker";
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
export function startEmailWorker(options: EmailWorkerOptions = {}): LeasedWorker {
  const smtpUrl = options.smtpUrl ?? process.env.DEXRA_SMTP_URL;
  if (!smtpUrl) {
    log("DEXRA_SMTP_URL is not set: outbound mail stays queued until a worker with it runs");
    return { async stop() {} };
  }
  const schedule = options.schedule ?? RETRY_SCHEDULE_MS;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const leaseMs = options.leaseMs ?? timeoutMs * 4;
  const transport = createSmtpTransport(smtpUrl, timeoutMs);

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

  type Item = { mail: ClaimedEmail } | { verification: ClaimedVerification };
  const worker = startLeasedWorker<Item>({
    name: "email",
    concurrency: options.concurrency ?? 10,
    pollMs: options.pollMs ?? 1000,
    wakesOn: (signal) => signal.type === "message_out",
    claim: async (free) => {
      const mails = await claimDueEmails(free, leaseMs, options.organizationIds);
      // At least one verification mail each round, so a backlog of replies never starves an address's proof.
      const verifications = await claimDueVerifications(Math.max(1, free - mails.length), leaseMs, options.organizationIds);
      return [...mails.map((mail) => ({ mail })), ...verifications.map((verification) => ({ verification }))];
    },
    process: (item) => ("mail" in item ? deliver(item.mail) : deliverVerification(item.verification)),
  });
  return {
    async stop(stopOptions) {
      await worker.stop(stopOptions);
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
