import type { LiveSignal } from "../events/types";
import { subscribeLive } from "../live/listener";
import { isPresence } from "../live/types";

/**
 * What a durable queue (webhook deliveries, outbound mail, automation jobs) gives the one loop that drains it.
 * Each queue keeps its own SQL: claims take rows with FOR UPDATE SKIP LOCKED and a lease, so any number of
 * processes can run a worker; a lease that runs out (a killed process) makes the row claimable again.
 */
export type LeasedQueue<T> = {
  /** Prefix of the worker's log lines. */
  name: string;
  concurrency: number;
  /** Poll for retries that come due (signals only announce new work). */
  pollMs: number;
  /** Whether a committed change signal (LISTEN) announces work for this queue. */
  wakesOn: (signal: LiveSignal) => boolean;
  claim: (free: number) => Promise<T[]>;
  /** Does the work and records the outcome; a throw is logged and the lease runs out, so the item is retried. */
  process: (item: T) => Promise<void>;
  /** Hands back the leases of items still running when a graceful stop runs out of time. */
  release?: (items: T[]) => Promise<void>;
  /** Refill once no more than this many are in flight (fewer claim round trips under a backlog); default: any free slot. */
  refillAt?: number;
};

export type LeasedWorker = {
  /** Stops claiming and lets items in flight finish for `graceMs`, then releases the leases of the rest. */
  stop(options?: { graceMs?: number }): Promise<void>;
};

export function startLeasedWorker<T>(queue: LeasedQueue<T>): LeasedWorker {
  const log = (message: string, error?: unknown) => console.error(`[${queue.name}] ${message}`, error ?? "");
  const refillAt = queue.refillAt ?? queue.concurrency - 1;
  let stopped = false;
  let wake: () => void = () => {};
  const inFlight = new Map<Promise<void>, T>();
  // The process's one shared LISTEN connection; only signals that announce this queue's work wake the loop.
  const unsubscribe = subscribeLive((message) => {
    if (!isPresence(message) && queue.wakesOn(message)) wake();
  }).catch((error) => {
    log("LISTEN failed; falling back to polling", error);
    return () => {};
  });

  const loop = async () => {
    while (!stopped) {
      let timer: NodeJS.Timeout | undefined;
      const nap = new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, queue.pollMs);
      });
      const free = queue.concurrency - inFlight.size;
      let claimed: T[] = [];
      if (free > 0) {
        claimed = await queue.claim(free).catch((error) => {
          log("claiming failed", error);
          return [];
        });
        for (const item of claimed) {
          const task: Promise<void> = queue
            .process(item)
            .catch((error) => log("an item could not be recorded; its lease will run out and it is retried", error))
            .finally(() => {
              inFlight.delete(task);
              if (inFlight.size <= refillAt) wake();
            });
          inFlight.set(task, item);
        }
      }
      // A full claim means more may be due right away; otherwise sleep until a signal, a finished item or the poll.
      if (free === 0 || claimed.length < free) await nap;
      clearTimeout(timer);
    }
  };
  const running = loop();

  return {
    async stop({ graceMs = Infinity } = {}) {
      stopped = true;
      wake();
      await running;
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.min(graceMs, 2 ** 31 - 1))));
      await Promise.race([Promise.allSettled(inFlight.keys()), grace]);
      clearTimeout(timer);
      if (queue.release && inFlight.size > 0) await queue.release([...inFlight.values()]).catch((error) => log("releasing leases failed", error));
      (await unsubscribe)();
    },
  };
}
