import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.join(import.meta.dirname, "..");

export const freePort = () => 40_000 + Math.floor(Math.random() * 20_000);

/**
 * The database a benchmark runs on: DATABASE_URL when given, otherwise a throwaway PostgreSQL on a free port
 * (scripts/pg-temp.sh, the same one `npm test` uses), stopped and deleted when the process exits.
 * Sets DATABASE_URL so db/client.ts connects to it.
 */
export function benchDatabaseUrl(): string {
  // Bulk seeding runs statements far longer than the app allows its own (db/client.ts).
  process.env.DATABASE_STATEMENT_TIMEOUT_MS ??= "0";
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dexra-bench-pg-"));
  const port = freePort();
  process.on("exit", () => spawnSync("bash", [path.join(ROOT, "scripts/pg-temp.sh"), "stop", dir]));
  const started = spawnSync("bash", [path.join(ROOT, "scripts/pg-temp.sh"), "start", dir, String(port)], { stdio: "inherit" });
  if (started.status !== 0) throw new Error("could not start a throwaway PostgreSQL");
  process.env.DATABASE_URL = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return process.env.DATABASE_URL;
}
