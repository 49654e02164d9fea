import fs from "node:fs";
import path from "node:path";
import { connection, rows, sql } from "@/db/client";
import { isShuttingDown } from "./shutdown";

export type Readiness = { status: "ready" } | { status: "unavailable"; reason: string };

const READY_TIMEOUT_MS = 2_000;

let latest: number | undefined;
// The build's own migrations: read once, they do not change while the process runs.
function latestMigration(): number {
  if (latest !== undefined) return latest;
  const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), "db", "migrations", "meta", "_journal.json"), "utf8")) as {
    entries: { when: number }[];
  };
  latest = Math.max(...journal.entries.map((e) => e.when));
  return latest;
}

async function check(): Promise<Readiness> {
  // drizzle's migrator records each applied migration with its journal timestamp.
  const [table] = await rows<{ present: boolean }>(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (!table?.present) return { status: "unavailable", reason: "migrations pending" };
  const [row] = await rows<{ applied: string | null }>(sql`select max(created_at)::text as applied from drizzle.__drizzle_migrations`);
  const applied = Number(row?.applied ?? 0);
  if (applied < latestMigration()) return { status: "unavailable", reason: "migrations pending" };
  return { status: "ready" };
}

/**
 * Ready when the database answers within 2 s and every migration shipped with this build is applied. A load
 * balancer polls this to take an instance out of rotation during an outage and back in when it recovers.
 */
export async function checkReadiness(): Promise<Readiness> {
  // A draining instance leaves the load balancer's rotation before it stops.
  if (isShuttingDown()) return { status: "unavailable", reason: "shutting down" };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Readiness>((resolve) => {
    timer = setTimeout(() => resolve({ status: "unavailable", reason: `database did not answer within ${READY_TIMEOUT_MS} ms` }), READY_TIMEOUT_MS);
  });
  try {
    connection();
    return await Promise.race([check(), timeout]);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: "unavailable", reason: `database unavailable: ${message.slice(0, 200)}` };
  } finally {
    clearTimeout(timer);
  }
}
