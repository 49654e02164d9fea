import { rows, sql } from "@/db/client";

export type AutomationJob = {
  id: string;
  organization_id: string;
  conversation_id: string;
  event: string;
  event_id: string | null;
  attempts: number;
  done_position: number | null;
  lease: string;
};

export const MAX_JOB_ATTEMPTS = 5;

/**
 * Leases up to `limit` due jobs (SKIP LOCKED: concurrent workers take disjoint rows; the lease keeps a job away
 * until it runs out, so a worker that dies mid-run only delays it). A conversation's jobs run one at a time, in
 * the order their events happened: a job waits while an earlier job of its conversation is still queued.
 */
export async function claimAutomationJobs(limit: number, leaseMs: number, organizationIds?: string[]): Promise<AutomationJob[]> {
  return rows<AutomationJob>(sql`
    with due as (
      select j.id from automation_jobs j
      where j.failed_at is null and j.run_after <= now() and (j.locked_until is null or j.locked_until < now())
        and not exists (select 1 from automation_jobs e where e.conversation_id = j.conversation_id and e.id < j.id and e.failed_at is null)
        ${organizationIds?.length ? sql`and j.organization_id in ${organizationIds}` : sql``}
      order by j.id
      limit ${limit}
      for update skip locked
    )
    update automation_jobs j set locked_until = now() + ${leaseMs}::float8 * interval '1 millisecond', attempts = j.attempts + 1
    from due where j.id = due.id
    returning j.id::text, j.organization_id, j.conversation_id, j.event, j.event_id, j.attempts, j.done_position, j.locked_until::text as lease`);
}

/** Rules up to `position` ran: a retry of this job starts after them. */
export async function markJobProgress(job: AutomationJob, position: number) {
  await rows(sql`update automation_jobs set done_position = ${position} where id = ${job.id} and locked_until = ${job.lease}::timestamptz`);
}

/** Done: the row goes (the conversation's activity log is the record of what ran). */
export async function completeAutomationJob(job: AutomationJob) {
  await rows(sql`delete from automation_jobs where id = ${job.id} and locked_until = ${job.lease}::timestamptz`);
}

/** Retried with a growing delay; after MAX_JOB_ATTEMPTS it stays as failed, with its error, and stops blocking. */
export async function failAutomationJob(job: AutomationJob, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  const giveUp = job.attempts >= MAX_JOB_ATTEMPTS;
  await rows(sql`update automation_jobs set locked_until = null, last_error = ${message.slice(0, 1000)},
      run_after = now() + ${2 ** job.attempts}::float8 * interval '1 second',
      failed_at = ${giveUp ? sql`now()` : sql`null`}
    where id = ${job.id} and locked_until = ${job.lease}::timestamptz`);
}

/**
 * Graceful shutdown: hand the leases back so another worker runs them at once. Only leases still ours: a job whose
 * lease ran out and that another worker claimed again keeps that worker's lease.
 */
export async function releaseAutomationJobs(jobs: AutomationJob[]) {
  if (!jobs.length) return;
  const ours = sql.join(jobs.map((j) => sql`(${j.id}::bigint, ${j.lease}::timestamptz)`), sql`, `);
  await rows(sql`update automation_jobs set locked_until = null where (id, locked_until) in (values ${ours})`);
}
