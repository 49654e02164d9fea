import type { SQL } from "drizzle-orm";
import { replicaDb, rows } from "@/db/client";
import { isDatabaseUnavailable } from "./database-errors";
import { watchDatabase } from "./database-watchdog";
import { logger } from "./logger";

/**
 * Runs a read on the streaming replica (DATABASE_REPLICA_URL) when there is one, else on the primary. For reads
 * where a second of lag is harmless (reports, search), never for a read that must see the caller's own write.
 * A replica that is down costs a failed attempt, not the request: the primary answers instead. So does a replica
 * that stops answering without closing its connections (the watchdog, probing the replica, gives up on it).
 */
export async function replicaRows<T>(query: SQL): Promise<T[]> {
  const replica = replicaDb();
  if (!replica) return rows<T>(query);
  try {
    return await watchDatabase(rows<T>(query, replica), { url: process.env.DATABASE_REPLICA_URL });
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    const cause = (error as { cause?: unknown }).cause ?? error;
    logger.warn({ reason: String((cause as Error).message ?? cause).slice(0, 200) }, "replica unavailable: reading the primary");
    return rows<T>(query);
  }
}
