import { rows, sql } from "@/db/client";
import type { AttemptResult } from "./send-webhook";
import { FAILING_DAYS_BEFORE_DISABLE } from "./schedule";

export type ClaimedDelivery = {
  id: string;
  organization_id: string;
  endpoint_id: string;
  attempt: number;
  lease: string;
  previous_lease: string | null;
  url: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | string | null;
  event_id: string;
  event_type: string;
  event_created_at: Date | string;
  event_data: Record<string, unknown>;
};

/**
 * Leases up to `limit` due deliveries of enabled endpoints. SKIP LOCKED lets concurrent workers take disjoint
 * rows, and the lease (locked_until, longer than an attempt can take) keeps them away until it expires, so a
 * worker that dies mid-attempt only delays the retry. Each claim is one attempt: `attempts` counts it.
 */
export async function claimDueDeliveries(limit: number, leaseMs: number, organizationIds?: string[]): Promise<ClaimedDelivery[]> {
  return rows<ClaimedDelivery>(sql`
    with due as (
      select d.id, d.locked_until as previous_lease
      from webhook_deliveries d
      join webhook_endpoints e on e.id = d.endpoint_id and e.enabled
      where d.status = 'pending' and d.next_attempt_at <= now() and (d.locked_until is null or d.locked_until < now())
        ${organizationIds?.length ? sql`and d.organization_id in ${organizationIds}` : sql``}
      order by d.next_attempt_at
      limit ${limit}
      for update of d skip locked
    )
    update webhook_deliveries d
    set locked_until = now() + ${leaseMs}::float8 * interval '1 millisecond', attempts = d.attempts + 1
    from due, webhook_endpoints e, events ev
    where d.id = due.id and e.id = d.endpoint_id and ev.id = d.event_id
    returning d.id, d.organization_id, d.endpoint_id, d.attempts as attempt, d.locked_until::text as lease,
      due.previous_lease::text as previous_lease, e.url, e.secret, e.previous_secret, e.previous_secret_expires_at,
      ev.id as event_id, ev.type as event_type, ev.created_at as event_created_at, ev.data as event_data`);
}

/** A claim whose previous lease had expired means a worker died during that attempt: the log says so. */
export async function logInterruptedAttempt(claim: ClaimedDelivery) {
  await rows(sql`
    insert into webhook_attempts (organization_id, delivery_id, attempt, error)
    values (${claim.organization_id}, ${claim.id}, ${claim.attempt - 1}, 'interrupted: the worker stopped before the attempt finished')`);
}

const logAttempt = (claim: ClaimedDelivery, result: AttemptResult) => sql`
  insert into webhook_attempts (organization_id, delivery_id, attempt, status_code, latency_ms, error, response_body)
  values (${claim.organization_id}, ${claim.id}, ${claim.attempt}, ${result.statusCode}, ${result.latencyMs}, ${result.error}, ${result.responseBody})`;

/** Success: one statement logs the attempt, completes the delivery (if our lease still holds) and resets the failure clock. */
export async function completeDelivery(claim: ClaimedDelivery, result: AttemptResult) {
  await rows(sql`
    with attempt as (${logAttempt(claim, result)}),
    delivery as (
      update webhook_deliveries set status = 'succeeded', delivered_at = now(), locked_until = null,
        last_status_code = ${result.statusCode}, last_error = null, last_attempt_at = now()
      where id = ${claim.id} and locked_until = ${claim.lease}::timestamptz
    )
    update webhook_endpoints set failing_since = null where id = ${claim.endpoint_id} and failing_since is not null`);
}

/**
 * Failure: logs the attempt and schedules the next one (`retryInMs`) or gives up (null). The endpoint's failure
 * clock starts at its first failure; after five days of nothing but failures, or on 410 Gone, it is disabled
 * with a reason the admins see.
 */
export async function failDelivery(claim: ClaimedDelivery, result: AttemptResult, retryInMs: number | null) {
  const gone = result.statusCode === 410;
  const giveUp = gone || retryInMs === null;
  const lastError = result.error ?? `HTTP ${result.statusCode}`;
  await rows(sql`
    with attempt as (${logAttempt(claim, result)}),
    delivery as (
      update webhook_deliveries set
        status = ${giveUp ? "failed" : "pending"}::delivery_status,
        next_attempt_at = case when ${giveUp} then next_attempt_at else now() + ${retryInMs ?? 0}::float8 * interval '1 millisecond' end,
        locked_until = null, last_status_code = ${result.statusCode}, last_error = ${lastError}, last_attempt_at = now()
      where id = ${claim.id} and locked_until = ${claim.lease}::timestamptz
    )
    update webhook_endpoints set
      failing_since = coalesce(failing_since, now()),
      enabled = enabled and not ${gone} and coalesce(failing_since > now() - ${FAILING_DAYS_BEFORE_DISABLE} * interval '1 day', true),
      disabled_reason = case
        when not enabled then disabled_reason
        when ${gone} then 'The endpoint answered 410 Gone, which asks senders to stop; re-enable it to resume deliveries.'
        when failing_since <= now() - ${FAILING_DAYS_BEFORE_DISABLE} * interval '1 day' then
          'Every delivery failed for ${sql.raw(String(FAILING_DAYS_BEFORE_DISABLE))} days (since '
          || to_char(failing_since at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"') || '); last error: ' || ${lastError}
        else disabled_reason end,
      updated_at = case when enabled and (${gone} or failing_since <= now() - ${FAILING_DAYS_BEFORE_DISABLE} * interval '1 day') then now() else updated_at end
    where id = ${claim.endpoint_id}`);
}

/**
 * A stopping worker hands back the leases of attempts it could not finish: another worker retries them at once
 * (logging the interrupted attempt) instead of waiting for the lease to run out. Only leases still ours.
 */
export async function releaseLeases(claims: Pick<ClaimedDelivery, "id" | "lease">[]) {
  if (claims.length === 0) return;
  const released = JSON.stringify(claims.map((c) => ({ id: c.id, lease: c.lease })));
  await rows(sql`
    update webhook_deliveries d set locked_until = now()
    from jsonb_to_recordset(${released}::jsonb) as r(id uuid, lease timestamptz)
    where d.id = r.id and d.locked_until = r.lease and d.status = 'pending'`);
}
