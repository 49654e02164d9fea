import { rows, sql } from "@/db/client";
import { pruneOrphanAttachments } from "../attachments/attachments";
import { drainFileDeletions } from "../attachments/file-deletions";
import { pruneExpiredSessions } from "../auth/sessions";
import { pruneLoginThrottles } from "../auth/throttle";
import { pruneExpiredEvents } from "../webhooks/prune-events";
import { runEvery } from "../ops/run-every";

/** How often the pruning runs, across all instances together. */
export const PRUNE_EVERY_MINUTES = 10;
const BATCH = 5000;

// Tables that grow with traffic, and the rows nobody can need any more.
const PRUNES = {
  // Replays are promised for 24 h; an in-progress claim older than that belonged to a dead request.
  idempotency_keys: sql`select api_key_id, key from idempotency_keys where created_at < now() - interval '24 hours' limit ${BATCH}`,
  // Counters of windows that have ended.
  rate_limit_counters: sql`select bucket from rate_limit_counters where window_start < now() - interval '2 minutes' limit ${BATCH}`,
} as const;

const KEYS: Record<keyof typeof PRUNES, string> = { idempotency_keys: "(api_key_id, key)", rate_limit_counters: "bucket" };

/**
 * Claims this period's run: one statement, so exactly one instance (app or worker) wins it per period with no
 * session state (works through PgBouncer in transaction mode, unlike an advisory lock).
 */
async function claimRun(job: string, everyMinutes: number): Promise<boolean> {
  const won = await rows<{ name: string }>(sql`
    insert into job_runs (name, last_run_at) values (${job}, now())
    on conflict (name) do update set last_run_at = now()
      where job_runs.last_run_at < now() - ${everyMinutes} * interval '1 minute'
    returning name`);
  return won.length === 1;
}

/** Deletes expired rows in batches; returns what it removed per table, or null when another instance had the turn. */
export async function pruneExpiredRows(options: { force?: boolean } = {}): Promise<Record<string, number> | null> {
  if (!(await claimRun("prune-expired-rows", options.force ? 0 : PRUNE_EVERY_MINUTES))) return null;
  const removed: Record<string, number> = {};
  for (const [table, select] of Object.entries(PRUNES) as [keyof typeof PRUNES, (typeof PRUNES)[keyof typeof PRUNES]][]) {
    removed[table] = 0;
    for (;;) {
      const deleted = await rows<{ n: number }>(
        sql`with gone as (delete from ${sql.identifier(table)} where ${sql.raw(KEYS[table])} in (${select}) returning 1) select count(*)::int as n from gone`,
      );
      removed[table] += deleted[0]!.n;
      if (deleted[0]!.n < BATCH) break;
    }
  }
  // Tables whose rules live in their own rooms, run here once per period for every deployment.
  removed.login_throttles = await pruneLoginThrottles();
  removed.agent_sessions = await pruneExpiredSessions();
  removed.events = await pruneExpiredEvents();
  // Uploads never sent with a message (and files of deleted conversations) after a day, then the bytes of every
  // file whose row is gone (pruned here, anonymized, ...) that no earlier drain managed to delete.
  removed.unsent_attachments = await pruneOrphanAttachments();
  removed.stored_files = (await drainFileDeletions()).deleted;
  return removed;
}

/** Started in every process; claimRun makes each period's pruning happen once across all of them. */
export function startPruneTimer(intervalMs = 60_000) {
  runEvery("pruning expired rows", intervalMs, () => pruneExpiredRows());
}
