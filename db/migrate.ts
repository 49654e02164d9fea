import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { clientOptions, connection } from "./client";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");
// Arbitrary constant: serializes migrations when several app instances start at once.
const MIGRATION_LOCK = 7_310_001;

export async function applyMigrations(): Promise<void> {
  const conn = connection();
  if (conn.kind === "pglite") {
    await migratePglite(conn.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  // One connection to the server itself (never through a transaction-mode pooler): the session advisory lock
  // and the migrations share it, and a long index build is not cut short by the app's statement timeout.
  const url = process.env.DATABASE_DIRECT_URL ?? process.env.DATABASE_URL!;
  const client = postgres(url, { ...clientOptions(false, 1), connection: { statement_timeout: 0 } });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres(client), { migrationsFolder });
  } finally {
    await client.end({ timeout: 5 });
  }
}
