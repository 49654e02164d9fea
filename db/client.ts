import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql, type SQL } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

type Connection =
  | { kind: "postgres"; db: Db; client: postgres.Sql }
  | { kind: "pglite"; db: Db; client: PGlite };

export const dataDir = path.join(process.cwd(), ".data");

function connect(): Connection {
  const url = process.env.DATABASE_URL;
  if (url) {
    const client = postgres(url, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), onnotice: () => {} });
    return { kind: "postgres", client, db: drizzlePostgres(client, { schema }) };
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(path.join(dataDir, "pglite"));
  // Both drivers expose the same query builder; only raw execute() results differ (see rows()).
  return { kind: "pglite", client, db: drizzlePglite(client, { schema }) as unknown as Db };
}

// Cached on globalThis so dev hot reloads and repeated imports share one connection.
const holder = globalThis as unknown as { __dexraConnection?: Connection };

export function connection(): Connection {
  holder.__dexraConnection ??= connect();
  return holder.__dexraConnection;
}

// Lazy, so importing the module (e.g. during `next build`) opens nothing.
export const db: Db = new Proxy({} as Db, {
  get: (_target, prop) => Reflect.get(connection().db, prop),
});

/** Runs raw SQL and returns its rows, whichever driver is underneath. */
export async function rows<T>(query: SQL, executor: DbOrTx = db): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

export async function closeDb(): Promise<void> {
  const conn = holder.__dexraConnection;
  holder.__dexraConnection = undefined;
  if (!conn) return;
  if (conn.kind === "postgres") await conn.client.end({ timeout: 5 });
  else await conn.client.close();
}

export { sql };
