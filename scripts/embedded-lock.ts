import fs from "node:fs";
import path from "node:path";

// PGlite is one process's database: a second process opening the same folder would corrupt it.
const pidFile = () => path.join(process.cwd(), ".data", "server.pid");

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Called by the server when it opens the embedded database. */
export function claimEmbeddedDatabase() {
  if (process.env.DATABASE_URL) return;
  fs.mkdirSync(path.dirname(pidFile()), { recursive: true });
  fs.writeFileSync(pidFile(), String(process.pid));
}

/** Called by command-line tools: refuse to open the embedded database while a server holds it. */
export function assertEmbeddedDatabaseFree() {
  if (process.env.DATABASE_URL || !fs.existsSync(pidFile())) return;
  const pid = Number(fs.readFileSync(pidFile(), "utf8"));
  if (pid !== process.pid && alive(pid)) {
    throw new Error(`The embedded database is in use by the running server (pid ${pid}). Stop it first, or set DATABASE_URL to use PostgreSQL.`);
  }
}
