import path from "node:path";
import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { describe, expect, it } from "vitest";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");
const TABLES = ["organizations", "agents", "teams", "team_members", "end_users", "conversations", "messages", "tags", "conversation_tags", "api_keys", "webhook_endpoints", "webhook_deliveries", "webhook_attempts", "events", "activities", "ratings", "canned_replies", "custom_attribute_definitions", "idempotency_keys"];

const tablesQuery = "select table_name from information_schema.tables where table_schema = 'public'";
const searchQuery = "select to_tsvector('english', 'Refunds were processed') @@ websearch_to_tsquery('english', 'refund') as found";

describe("migrations", () => {
  it("apply to an empty real PostgreSQL database", async () => {
    const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const name = `dexra_migrate_${randomUUID().slice(0, 8)}`;
    await admin.unsafe(`create database ${name}`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    const client = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      await migratePostgres(drizzlePostgres(client), { migrationsFolder });
      const tables = (await client.unsafe(tablesQuery)).map((r) => r.table_name);
      expect(tables).toEqual(expect.arrayContaining(TABLES));
      expect((await client.unsafe(searchQuery))[0]!.found).toBe(true);
    } finally {
      await client.end();
      await admin.unsafe(`drop database ${name}`);
      await admin.end();
    }
  });

  it("apply to an empty PGlite database", async () => {
    const pglite = new PGlite();
    try {
      await migratePglite(drizzlePglite(pglite), { migrationsFolder });
      const tables = (await pglite.query<{ table_name: string }>(tablesQuery)).rows.map((r) => r.table_name);
      expect(tables).toEqual(expect.arrayContaining(TABLES));
      expect((await pglite.query<{ found: boolean }>(searchQuery)).rows[0]!.found).toBe(true);
    } finally {
      await pglite.close();
    }
  }, 60_000);
});
