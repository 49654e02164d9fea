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

const CUSTOM_PLAN = "/* custom plan */ ";

/**
 * A statement whose best plan depends on its parameters' values (a search word in 10 or in 500,000
 * conversations) is sent unnamed: PostgreSQL then plans it for those values every time, where a named one
 * switches to one generic plan after five runs (measured: a common word's search went from 20 to 250 ms).
 * It costs one more round trip.
 */
export const withCustomPlan = (query: SQL): SQL => sql`${sql.raw(CUSTOM_PLAN)}${query}`;

/**
 * Drizzle asks postgres.js for unnamed statements, which cost two round trips each (Describe, then Execute).
 * Named statements are described once per connection and then cost one, and skip parsing: this view of the
 * client (and of its transactions) asks for them. It halves the round trips of every request.
 */
function preparingStatements(client: postgres.Sql): postgres.Sql {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === "unsafe") {
        return (query: string, params?: unknown[], options?: object) =>
          target.unsafe(query, params as never[], { ...options, prepare: !query.startsWith(CUSTOM_PLAN) });
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

const seconds = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/**
 * Bounded waits, so a database outage answers 503 in seconds instead of hanging requests for 10-30 s:
 * a connection (TCP + start-up) must be ready within DATABASE_CONNECT_TIMEOUT (s), and a statement is
 * cancelled by the server after DATABASE_STATEMENT_TIMEOUT_MS. Behind PgBouncer (DATABASE_DIRECT_URL set)
 * the start-up parameter is refused, so the pooler's own query_timeout bounds statements there.
 */
export function clientOptions(pooled: boolean, max = Number(process.env.DATABASE_POOL_SIZE ?? 10)): postgres.Options<{}> {
  return {
    max,
    onnotice: () => {},
    connect_timeout: seconds("DATABASE_CONNECT_TIMEOUT", 5),
    idle_timeout: seconds("DATABASE_IDLE_TIMEOUT", 300),
    max_lifetime: 30 * 60,
    connection: pooled ? {} : { statement_timeout: seconds("DATABASE_STATEMENT_TIMEOUT_MS", 30_000) },
    // A transaction-mode pooler hands each transaction a different server connection, where a named statement
    // prepared on another one does not exist (PgBouncer 1.18 has no protocol-level prepared statements).
    prepare: !pooled,
  };
}

/** DATABASE_DIRECT_URL set means DATABASE_URL is a transaction-mode pooler (PgBouncer). */
export const isPooled = () => Boolean(process.env.DATABASE_URL && process.env.DATABASE_DIRECT_URL);

function connect(): Connection {
  const url = process.env.DATABASE_URL;
  if (url) {
    const pooled = isPooled();
    const client = postgres(url, clientOptions(pooled));
    return { kind: "postgres", client, db: drizzlePostgres(pooled ? client : preparingStatements(client), { schema }) };
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(path.join(dataDir, "pglite"));
  // Both drivers expose the same query builder; only raw execute() results differ (see rows()).
  return { kind: "pglite", client, db: drizzlePglite(client, { schema }) as unknown as Db };
}

// Cached on globalThis so dev hot reloads and repeated imports share one connection.
const holder = globalThis as unknown as { __dexraConnection?: Connection; __dexraDirect?: postgres.Sql; __dexraReplica?: { client: postgres.Sql; db: Db } };

export function connection(): Connection {
  holder.__dexraConnection ??= connect();
  return holder.__dexraConnection;
}

/**
 * The server itself, for what a transaction-mode pooler cannot carry: LISTEN, migrations, session advisory
 * locks. The pooled client when there is no pooler.
 */
export function directClient(): postgres.Sql {
  const conn = connection();
  if (conn.kind !== "postgres") throw new Error("directClient() needs DATABASE_URL");
  if (!isPooled()) return conn.client;
  holder.__dexraDirect ??= postgres(process.env.DATABASE_DIRECT_URL!, clientOptions(false, 2));
  return holder.__dexraDirect;
}

/**
 * A streaming replica for reads that tolerate a little lag (reports, search): DATABASE_REPLICA_URL, or null
 * when unset (read the primary). See lib/ops/read-replica.ts, which falls back to the primary when it is away.
 */
export function replicaDb(): Db | null {
  const url = process.env.DATABASE_REPLICA_URL;
  if (!url || !process.env.DATABASE_URL) return null;
  if (!holder.__dexraReplica) {
    const client = postgres(url, clientOptions(isPooled()));
    holder.__dexraReplica = { client, db: drizzlePostgres(isPooled() ? client : preparingStatements(client), { schema }) };
  }
  return holder.__dexraReplica.db;
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
  const direct = holder.__dexraDirect;
  holder.__dexraConnection = undefined;
  const replica = holder.__dexraReplica;
  holder.__dexraDirect = undefined;
  holder.__dexraReplica = undefined;
  await direct?.end({ timeout: 5 });
  await replica?.client.end({ timeout: 5 });
  if (!conn) return;
  if (conn.kind === "postgres") await conn.client.end({ timeout: 5 });
  else await conn.client.close();
}

export { sql };
