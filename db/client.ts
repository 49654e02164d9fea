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

/**
 * Drizzle asks postgres.js for unnamed statements, which cost two round trips each (Describe, then Execute).
 * Named statements are described once per connection and then cost one, and skip parsing: this view of the
 * client (and of its transactions) asks for them. It halves the round trips of every request.
 */
function preparingStatements(client: postgres.Sql): postgres.Sql {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === "unsafe") {
        return (query: string, params?: unknown[], options?: object) => target.unsafe(query, params as never[], { ...options, prepare: true });
      }
      if (prop === "begin" || prop === "savepoint") {
        const original = Reflect.get(target, prop, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) =>
          original.call(target, ...args.map((a) => (typeof a === "function" ? (tx: postgres.Sql) => a(preparingStatements(tx)) : a)));
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

function connect(): Connection {
  const url = process.env.DATABASE_URL;
  if (url) {
    const client = postgres(url, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), onnotice: () => {} });
    return { kind: "postgres", client, db: drizzlePostgres(preparingStatements(client), { schema }) };
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
