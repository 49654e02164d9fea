import { sql, type SQL } from "drizzle-orm";
import { rows, type DbOrTx } from "@/db/client";
import { ApiError } from "../errors";

// Per end user (widget visitors, client keys), over the last hour: how many files and how many bytes. Read at
// each upload, so an operator's change (and a test's) applies without a restart.
const maxFiles = () => Number(process.env.DEXRA_END_USER_UPLOADS_PER_HOUR ?? 30);
const maxBytes = () => Number(process.env.DEXRA_END_USER_UPLOAD_BYTES_PER_HOUR ?? 100 * 1024 * 1024);
/**
 * One network address gets this many visitors' worth: anonymous visitors are cheap to mint (a new token per
 * conversation), so without it each would bring a fresh allowance; offices behind one NAT still have room.
 */
export const ADDRESS_CAP_FACTOR = 5;

export type Uploader = { endUserId: string; address: string | null };

type Usage = { files: number; bytes: number; oldest_ms_left: number | null };

async function usageWhere(executor: DbOrTx, where: SQL): Promise<Usage> {
  const [usage] = await rows<Usage>(
    sql`select count(*)::int as files, coalesce(sum(size), 0)::float8 as bytes,
        extract(epoch from (min(created_at) + interval '1 hour' - now())) * 1000 as oldest_ms_left
      from attachments where ${where} and created_at > now() - interval '1 hour'`,
    executor,
  );
  return { ...usage!, bytes: Number(usage!.bytes) };
}

function refuse(who: string, over: string, usage: Usage, limits: { files: number; bytes: number }) {
  const retryAfter = Math.max(1, Math.ceil((usage.oldest_ms_left ?? 3600_000) / 1000));
  return new ApiError(
    "rate_limited",
    `Upload limit reached: at most ${over} per hour for ${who}. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
    [{ files_last_hour: usage.files, bytes_last_hour: usage.bytes, max_files: limits.files, max_bytes: limits.bytes }],
    { "Retry-After": String(retryAfter) },
  );
}

function check(usage: Usage, size: number, limits: { files: number; bytes: number }, who: string) {
  const over = usage.files + 1 > limits.files ? `${limits.files} files` : usage.bytes + size > limits.bytes ? `${limits.bytes} bytes` : null;
  if (over) throw refuse(who, over, usage, limits);
}

/**
 * Refuses a browser's upload of `size` bytes that would pass an hourly cap, of its end user or of its network
 * address: 429 `rate_limited` with Retry-After (when the oldest upload of the hour stops counting). Uploads count
 * whether sent or not, so uploading and abandoning files cannot fill the store. In a transaction, lockUploader first.
 */
export async function assertUploadAllowed(executor: DbOrTx, orgId: string, uploader: Uploader, size: number) {
  const perUser = { files: maxFiles(), bytes: maxBytes() };
  check(await usageWhere(executor, sql`organization_id = ${orgId} and uploaded_by_end_user_id = ${uploader.endUserId}`), size, perUser, "one visitor");
  if (!uploader.address) return;
  const perAddress = { files: perUser.files * ADDRESS_CAP_FACTOR, bytes: perUser.bytes * ADDRESS_CAP_FACTOR };
  check(await usageWhere(executor, sql`organization_id = ${orgId} and uploaded_from_address = ${uploader.address}`), size, perAddress, "one network address");
}

/** Serializes one uploader's concurrent uploads (address first, then end user: one order, no deadlock). */
export async function lockUploader(executor: DbOrTx, uploader: Uploader) {
  if (uploader.address) await rows(sql`select pg_advisory_xact_lock(hashtextextended(${`upload-cap address ${uploader.address}`}, 0))`, executor);
  await rows(sql`select pg_advisory_xact_lock(hashtextextended(${`upload-cap ${uploader.endUserId}`}, 0))`, executor);
}
