import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { connection } from "./client";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");
// Arbitrary constant: serializes migrations when several app instances start at once.
const MIGRATION_LOCK = 7_310_001;

export async function applyMigrations(): Promise<void> {
  const conn = connection();
  if (conn.kind === "pglite") {
    await migratePglite(conn.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const reserved = await conn.client.reserve();
  try {
    await reserved`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(conn.db, { migrationsFolder });
  } finally {
    await reserved`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    reserved.release();
  }
}

