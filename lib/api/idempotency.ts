import { sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { sha256 } from "../crypto";
import { ApiError, invalid } from "../errors";

/** A running request renews its claim every LEASE_MS / 3; a claim not renewed for LEASE_MS is free again. */
export const LEASE_MS = 10_000;
/** Longer than a lease, so a retry right after a crash waits the dead claim out and runs instead of failing. */
const WAIT_MS = 15_000;
const POLL_MS = 50;

export type StoredResponse = { status: number; body: unknown };
export type IdempotencyClaim = { replay: StoredResponse } | { replay: null; release: () => void };

type Row = { request_hash: string; status_code: number | null; response_body: unknown };

/**
 * Claims `key` for this request in the database: the first request inserts the row and runs; concurrent or
 * later identical ones wait for its stored response and replay it; a different body is 422. Rows expire after
 * 24 h. The claim is a lease renewed while the request runs: if its process dies, the key is taken over by the
 * next retry once the lease runs out (nothing was stored for it, so nothing is replayed).
 * Returns the response to replay, or a claim whose `release` stops the renewal once the response is saved.
 */
export async function claimIdempotencyKey(apiKeyId: string, orgId: string, key: string, fingerprint: string): Promise<IdempotencyClaim> {
  if (key.length > 255) throw invalid("Idempotency-Key must be at most 255 characters");
  const requestHash = sha256(fingerprint);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const [row] = await rows<Row>(
      sql`insert into idempotency_keys (api_key_id, key, organization_id, request_hash, lease_expires_at)
          values (${apiKeyId}, ${key}, ${orgId}, ${requestHash}, now() + ${LEASE_MS} * interval '1 millisecond')
          on conflict (api_key_id, key) do update set request_hash = excluded.request_hash, status_code = null,
            response_body = null, created_at = now(), lease_expires_at = excluded.lease_expires_at
            where idempotency_keys.created_at < now() - interval '24 hours'
               or (idempotency_keys.status_code is null and idempotency_keys.lease_expires_at < now())
          returning request_hash, status_code, response_body`,
    );
    if (row) return { replay: null, release: renewWhileRunning(apiKeyId, key) };
    const [existing] = await rows<Row>(
      sql`select request_hash, status_code, response_body from idempotency_keys where api_key_id = ${apiKeyId} and key = ${key}`,
    );
    if (existing && existing.request_hash !== requestHash) {
      throw new ApiError("idempotency_key_reused", "This Idempotency-Key was used with a different request");
    }
    if (existing?.status_code != null) return { replay: { status: existing.status_code, body: existing.response_body } };
    if (Date.now() > deadline) throw new ApiError("conflict", "A request with this Idempotency-Key is still in progress");
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function renewWhileRunning(apiKeyId: string, key: string) {
  const timer = setInterval(() => {
    db.execute(sql`update idempotency_keys set lease_expires_at = now() + ${LEASE_MS} * interval '1 millisecond'
      where api_key_id = ${apiKeyId} and key = ${key} and status_code is null`).catch((error) => console.error("[dexra] renewing an idempotency claim failed", error));
  }, LEASE_MS / 3);
  timer.unref();
  return () => clearInterval(timer);
}

export async function saveIdempotentResponse(apiKeyId: string, key: string, response: StoredResponse) {
  await db.execute(sql`update idempotency_keys set status_code = ${response.status}, response_body = ${JSON.stringify(response.body)}::jsonb,
    lease_expires_at = null
    where api_key_id = ${apiKeyId} and key = ${key}`);
}

/** A failed (5xx) first attempt releases the key so the client can retry it. */
export async function releaseIdempotencyKey(apiKeyId: string, key: string) {
  await db.execute(sql`delete from idempotency_keys where api_key_id = ${apiKeyId} and key = ${key} and status_code is null`);
}
