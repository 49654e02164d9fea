import { sql, type SQL } from "drizzle-orm";
import { rows, type DbOrTx } from "@/db/client";
import { retryDelayMs } from "../webhooks/schedule";
import { fileStore } from "./store";

const BATCH = 200;
const LEASE_MS = 5 * 60 * 1000;
/** Object stores answer "gone" for a missing key, so a deletion is retried until it succeeds (hours apart at the end). */
const RETRY_SCHEDULE_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 8 * 3600_000];

/**
 * Deletes attachment rows matching `where` and, in the same statement (so in the caller's transaction), records
 * their storage keys for deletion after commit. A rollback keeps both the rows and the bytes; a commit leaves the
 * keys queued for drainFileDeletions. Never touches the file store itself: no I/O while a transaction holds locks.
 */
export async function deleteAttachmentRows(executor: DbOrTx, where: SQL): Promise<{ deleted: number; storageKeys: string[] }> {
  const queued = await rows<{ storage_key: string }>(
    sql`with gone as (delete from attachments where ${where} returning organization_id, storage_key)
      insert into file_deletions (organization_id, storage_key) select organization_id, storage_key from gone
      returning storage_key`,
    executor,
  );
  return { deleted: queued.length, storageKeys: queued.map((r) => r.storage_key) };
}

/**
 * Removes queued objects from the file store, outside any transaction: leases a batch (SKIP LOCKED, so several
 * instances share the work), deletes the bytes, then the queue rows; a failure is recorded and retried later.
 * `storageKeys` limits the run to those keys (the prompt drain right after a commit); the prune job drains all.
 */
export async function drainFileDeletions(options: { storageKeys?: string[]; limit?: number } = {}): Promise<{ deleted: number; failed: number }> {
  if (options.storageKeys && !options.storageKeys.length) return { deleted: 0, failed: 0 };
  let deleted = 0;
  let failed = 0;
  for (;;) {
    const claimed = await rows<{ id: string; storage_key: string; attempts: number; lease: string }>(sql`
      with due as (
        select id from file_deletions
        where next_attempt_at <= now() and (locked_until is null or locked_until < now())
          ${options.storageKeys ? sql`and storage_key in ${options.storageKeys}` : sql``}
        order by next_attempt_at limit ${options.limit ?? BATCH}
        for update skip locked
      )
      update file_deletions f set locked_until = now() + ${LEASE_MS}::float8 * interval '1 millisecond', attempts = f.attempts + 1
      from due where f.id = due.id
      returning f.id, f.storage_key, f.attempts, f.locked_until::text as lease`);
    for (const item of claimed) {
      try {
        await fileStore().delete(item.storage_key);
        await rows(sql`delete from file_deletions where id = ${item.id} and locked_until = ${item.lease}::timestamptz`);
        deleted++;
      } catch (error) {
        failed++;
        const reason = error instanceof Error ? error.message : String(error);
        await rows(sql`update file_deletions set locked_until = null, last_error = ${reason.slice(0, 1000)},
            next_attempt_at = now() + ${retryDelayMs(item.attempts, RETRY_SCHEDULE_MS) ?? RETRY_SCHEDULE_MS.at(-1)!}::float8 * interval '1 millisecond'
          where id = ${item.id} and locked_until = ${item.lease}::timestamptz`);
      }
    }
    if (claimed.length < (options.limit ?? BATCH) || options.storageKeys) break;
  }
  return { deleted, failed };
}

/** After a commit that queued deletions: try them now, but a slow or failing store never fails the caller (the prune job retries). */
export async function drainSoon(storageKeys: string[]) {
  await drainFileDeletions({ storageKeys }).catch((error) => console.error("[attachments] deleting files after commit failed; the prune job retries", error));
}
