import { startLeasedWorker, type LeasedWorker } from "../queue/leased-worker";
import { claimAutomationJobs, completeAutomationJob, failAutomationJob, releaseAutomationJobs, type AutomationJob } from "./queue";
import { runAutomationJob } from "./run-job";

export type AutomationWorkerOptions = {
  concurrency?: number;
  pollMs?: number;
  /** Must outlast a run (a webhook action may wait 10 s), or a second worker could start the same job. */
  leaseMs?: number;
  /** Restricts the worker to these organizations: test files run their own workers side by side on one database. */
  organizationIds?: string[];
};

const log = (message: string, error?: unknown) => console.error(`[automation] ${message}`, error ?? "");

/**
 * Runs queued automation jobs after their events commit, until stopped: woken by the transactional NOTIFY of an
 * event that queued a job, and by a poll for retries. A finished job wakes the loop at once: it may unblock the
 * next job of its conversation (jobs of one conversation run in order).
 */
export function startAutomationWorker(options: AutomationWorkerOptions = {}): LeasedWorker {
  const leaseMs = options.leaseMs ?? 120_000;
  const run = async (job: AutomationJob) => {
    try {
      await runAutomationJob(job);
      await completeAutomationJob(job);
    } catch (error) {
      log(`job ${job.id} failed (attempt ${job.attempts})`, error);
      await failAutomationJob(job, error).catch((e) => log(`job ${job.id} could not be marked failed`, e));
    }
  };
  return startLeasedWorker<AutomationJob>({
    name: "automation",
    concurrency: options.concurrency ?? 5,
    pollMs: options.pollMs ?? 1000,
    wakesOn: (signal) => (signal.automation ?? 0) > 0,
    claim: (free) => claimAutomationJobs(free, leaseMs, options.organizationIds),
    process: run,
    release: releaseAutomationJobs,
  });
}

export function automationWorkerOptionsFromEnv(env = process.env): AutomationWorkerOptions {
  const num = (name: string) => (env[name] ? Number(env[name]) : undefined);
  return { concurrency: num("DEXRA_AUTOMATION_CONCURRENCY"), pollMs: num("DEXRA_AUTOMATION_POLL_MS") };
}
