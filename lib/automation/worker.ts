import { subscribeLive } from "../live/listener";
import { isPresence } from "../live/types";
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
 * event that queued a job, and by a poll for retries. The same lease/SKIP LOCKED pattern as the webhook worker.
 */
export function startAutomationWorker(options: AutomationWorkerOptions = {}) {
  const concurrency = options.concurrency ?? 5;
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 120_000;
  let stopped = false;
  let wake: () => void = () => {};
  const inFlight = new Map<Promise<void>, AutomationJob>();
  const unsubscribe = subscribeLive((message) => {
    if (!isPresence(message) && (message.automation ?? 0) > 0) wake();
  }).catch((error) => {
    log("LISTEN failed; falling back to polling", error);
    return () => {};
  });

  const run = async (job: AutomationJob) => {
    try {
      await runAutomationJob(job);
      await completeAutomationJob(job);
    } catch (error) {
      log(`job ${job.id} failed (attempt ${job.attempts})`, error);
      await failAutomationJob(job, error).catch((e) => log(`job ${job.id} could not be marked failed`, e));
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
      let claimed: AutomationJob[] = [];
      if (free > 0) {
        claimed = await claimAutomationJobs(free, leaseMs, options.organizationIds).catch((error) => {
          log("claiming jobs failed", error);
          return [];
        });
        for (const job of claimed) {
          const task: Promise<void> = run(job).finally(() => {
            inFlight.delete(task);
            wake(); // a finished job may unblock the next job of its conversation
          });
          inFlight.set(task, job);
        }
      }
      if (free === 0 || claimed.length < free) await nap;
      clearTimeout(timer);
    }
  };
  const running = loop();

  return {
    /** Stops claiming, lets runs in flight finish for `graceMs`, then hands back the leases of the rest. */
    async stop({ graceMs = Infinity }: { graceMs?: number } = {}) {
      stopped = true;
      wake();
      await running;
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.min(graceMs, 2 ** 31 - 1))));
      await Promise.race([Promise.allSettled(inFlight.keys()), grace]);
      clearTimeout(timer);
      await releaseAutomationJobs([...inFlight.values()]).catch((error) => log("releasing leases failed", error));
      (await unsubscribe)();
    },
  };
}

export function automationWorkerOptionsFromEnv(env = process.env): AutomationWorkerOptions {
  const num = (name: string) => (env[name] ? Number(env[name]) : undefined);
  return { concurrency: num("DEXRA_AUTOMATION_CONCURRENCY"), pollMs: num("DEXRA_AUTOMATION_POLL_MS") };
}
