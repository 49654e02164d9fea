import { sql } from "drizzle-orm";
import { db, rows, type DbOrTx } from "@/db/client";
import type { WeeklyHours } from "@/db/schema";

export type Schedule = { businessHours: WeeklyHours | null; holidays: string[]; timeZone: string };

/**
 * Seconds of [start, end) inside the schedule's opening hours (its time zone, holidays excluded); a null weekly
 * schedule means always open. The rule lives in one place, the SQL function dexra_business_seconds, because facts
 * are written by SQL statements; this is its door for TypeScript callers.
 */
export async function businessSecondsBetween(start: Date, end: Date, schedule: Schedule, executor: DbOrTx = db): Promise<number> {
  const [row] = await rows<{ seconds: number }>(
    sql`select dexra_business_seconds(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz,
      ${schedule.businessHours ? JSON.stringify(schedule.businessHours) : null}::jsonb, ${JSON.stringify(schedule.holidays)}::jsonb, ${schedule.timeZone}) as seconds`,
    executor,
  );
  return Number(row!.seconds);
}
