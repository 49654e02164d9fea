import { rows, sql } from "@/db/client";

export const EVENT_RETENTION_DAYS = 30;

/** Drops events (and, by cascade, their deliveries and attempts) past the retention window, in small batches. */
export async function pruneExpiredEvents(batchSize = 1000): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await rows<{ id: string }>(sql`
      delete from events where id in (
        select id from events where created_at < now() - ${EVENT_RETENTION_DAYS} * interval '1 day' limit ${batchSize}
      ) returning id`);
    total += deleted.length;
    if (deleted.length < batchSize) return total;
  }
}
