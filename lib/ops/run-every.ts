import { logger } from "./logger";

const started = new Set<string>();

/**
 * Runs `job` every `intervalMs` in this process, once per name however often it is started. A failure is logged and
 * the next tick tries again; the timer never keeps the process alive. Jobs that must run once across all processes
 * claim their turn themselves (job_runs, advisory locks, SKIP LOCKED).
 */
export function runEvery(name: string, intervalMs: number, job: () => Promise<unknown>) {
  if (started.has(name)) return;
  started.add(name);
  setInterval(() => {
    job().catch((error) => logger.error({ err: error, job: name }, "periodic job failed"));
  }, intervalMs).unref();
}
