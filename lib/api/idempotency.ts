import { sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { sha256 } from "../crypto";
import { ApiError, invalid } from "../errors";

const WAIT_MS = 15_000;
const POLL_MS = 50;

export type StoredResponse = { status: number; body: unknown };

type Row = { request_hash: string; status_code: number | null; response_body: unknown; inserted: boolean };

/**
 * Claims `key` for this request in the database: the first request inserts the row and runs; concurrent or
 * later identical ones wait for its stored response and replay it; a different body is 422. Rows expire after 24 h.
 * Returns the response to replay, or null when the caller should run the request and then `saveIdempotentResponse`.
 */
export async function claimIdempotencyKey(apiKeyId: string, orgId: string, key: string, fingerprint: string): Promise<StoredResponse | null> {
  if (key.length > 255) throw invalid("Idempotency-Key must be at most 255 characters");
  const requestHash = sha256(fingerprint);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const [row] = await rows<Row>(
      sql`insert into idempotency_keys (api_key_id, key, organization_id, request_hash)
          values (${apiKeyId}, ${key}, ${orgId}, ${requestHash})
          on conflict (api_key_id, key) do update set request_hash = excluded.request_hash, status_code = null,
            response_body = null, created_at = now()
            where idempotency_keys.created_at < now() - interval '24 hours'
          returning request_hash, status_code, response_body, true as inserted`,
    );
    if (row) return null;
    const [existing] = await rows<Row>(
      sql`select request_hash, status_code, response_body, false as inserted from idempotency_keys
          where api_key_id = ${apiKeyId} and key = ${key}`,
    );
    if (existing && existing.request_hash !== requestHash) {
      throw new ApiError("idempotency_key_reused", "This Idempotency-Key was used with a different request");
    }
    if (existing?.status_code != null) return { status: existing.status_code, body: existing.response_body };
    if (Date.now() > deadline) throw new ApiError("conflict", "A request with this Idempotency-Key is still in progress");
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export async function saveIdempotentResponse(apiKeyId: string, key: string, response: StoredResponse) {
  await db.execute(sql`update idempotency_keys set status_code = ${response.status}, response_body = ${JSON.stringify(response.body)}::jsonb
    where api_key_id = ${apiKeyId} and key = ${key}`);
}

/** A failed (5xx) first attempt releases the key so the client can retry it. */
export async function releaseIdempotencyKey(apiKeyId: string, key: string) {
  await db.execute(sql`delete from idempotency_keys where api_key_id = ${apiKeyId} and key = ${key} and status_code is null`);
}
