import { sql } from "drizzle-orm";
import { rows, type DbOrTx } from "@/db/client";
import { ApiError } from "../errors";

/** Per end user (widget visitors, client keys), over the last hour: how many files and how many bytes. */
// Read at each upload, so an operator's change (and a test's) applies without a restart of this module.
const maxFiles = () => Number(process.env.DEXRA_END_USER_UPLOADS_PER_HOUR ?? 30);
const maxBytes = () => Number(process.env.DEXRA_END_USER_UPLOAD_BYTES_PER_HOUR ?? 100 * 1024 * 1024);

type Usage = { files: number; bytes: number; oldest_ms_left: number | null };

/**
 * Refuses an end user's upload of `size` bytes that would pass either hourly cap: 429 `rate_limited` with
 * Retry-After (when the oldest upload of the hour stops counting). Uploads count whether sent or not, so
 * uploading and abandoning files cannot be used to fill the store. Inside a transaction, call lockUploader first.
 */
export async function assertUploadAllowed(executor: DbOrTx, orgId: string, endUserId: string, size: number) {
  const [usage] = await rows<Usage>(
    sql`select count(*)::int as files, coalesce(sum(size), 0)::float8 as bytes,
        extract(epoch from (min(created_at) + interval '1 hour' - now())) * 1000 as oldest_ms_left
      from attachments
      where organization_id = ${orgId} and uploaded_by_end_user_id = ${endUserId} and created_at > now() - interval '1 hour'`,
    executor,
  );
  const files = usage!.files;
  const [END_USER_UPLOADS_PER_HOUR, END_USER_UPLOAD_BYTES_PER_HOUR] = [maxFiles(), maxBytes()];
  const bytes = Number(usage!.bytes);
  const over = files + 1 > END_USER_UPLOADS_PER_HOUR ? `${END_USER_UPLOADS_PER_HOUR} files` : bytes + size > END_USER_UPLOAD_BYTES_PER_HOUR ? `${END_USER_UPLOAD_BYTES_PER_HOUR} bytes` : null;
  if (!over) return;
  const retryAfter = Math.max(1, Math.ceil((usage!.oldest_ms_left ?? 3600_000) / 1000));
  throw new ApiError(
    "rate_limited",
    `Upload limit reached: at most ${over} per hour for one visitor. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
    [{ files_last_hour: files, bytes_last_hour: bytes, max_files: END_USER_UPLOADS_PER_HOUR, max_bytes: END_USER_UPLOAD_BYTES_PER_HOUR }],
    { "Retry-After": String(retryAfter) },
  );
}

/** Serializes one end user's concurrent uploads so two at once cannot both pass the cap. */
export async function lockUploader(executor: DbOrTx, endUserId: string) {
  await rows(sql`select pg_advisory_xact_lock(hashtextextended(${`upload-cap ${endUserId}`}, 0))`, executor);
}
