import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const ROOT = path.join(import.meta.dirname, "../../..");
export const PG_BIN = fs.readdirSync("/usr/lib/postgresql").sort().map((v) => `/usr/lib/postgresql/${v}/bin`).pop()!;

/** Runs a PostgreSQL tool as the postgres user when we are root (PostgreSQL refuses root). */
export function asPostgres(command: string, args: string[], options: { stdio?: "ignore" | "inherit" } = {}) {
  const [cmd, argv] = process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  return execFileSync(cmd, argv, { stdio: options.stdio ?? "ignore" });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type Cluster = { dir: string; port: number; url: (db?: string) => string; stop(): void; start(): void; destroy(): void };

/**
 * A throwaway PostgreSQL of the test's own (scripts/pg-temp.sh, as `npm test` uses), which the test may stop
 * and start again to play an outage without disturbing the shared test database.
 */
export async function startCluster(prefix = "dexra-ops-pg-"): Promise<Cluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const port = await freePort();
  execFileSync("bash", [path.join(ROOT, "scripts/pg-temp.sh"), "start", dir, String(port)], { stdio: "inherit" });
  const data = path.join(dir, "data");
  return {
    dir,
    port,
    url: (db = "postgres") => `postgres://postgres@127.0.0.1:${port}/${db}`,
    stop: () => asPostgres(`${PG_BIN}/pg_ctl`, ["-D", data, "-m", "fast", "-w", "stop"]),
    // pg_ctl start forgets the first start's options: give them again (pg-temp.sh's, so the port is the same).
    start: () =>
      asPostgres(`${PG_BIN}/pg_ctl`, ["-D", data, "-l", path.join(dir, "server.log"), "-w", "-o",
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`, "start"]),
    destroy: () => void spawnSync("bash", [path.join(ROOT, "scripts/pg-temp.sh"), "stop", dir]),
  };
}

/**
 * A hot-standby streaming replica of `primary`, made as an operator would: pg_basebackup -R (which writes the
 * primary_conninfo and standby.signal), then started on a port of its own.
 */
export async function startReplica(primary: Cluster): Promise<Cluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dexra-replica-pg-"));
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres:postgres", dir]);
  const port = await freePort();
  const data = path.join(dir, "data");
  asPostgres(`${PG_BIN}/pg_basebackup`, ["-h", "127.0.0.1", "-p", String(primary.port), "-U", "postgres", "-D", data, "-R", "-X", "stream"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c hot_standby=on -c fsync=off -c max_connections=200`;
  const start = () => asPostgres(`${PG_BIN}/pg_ctl`, ["-D", data, "-l", path.join(dir, "server.log"), "-w", "-o", options, "start"]);
  start();
  return {
    dir,
    port,
    url: (db = "postgres") => `postgres://postgres@127.0.0.1:${port}/${db}`,
    stop: () => asPostgres(`${PG_BIN}/pg_ctl`, ["-D", data, "-m", "fast", "-w", "stop"]),
    start,
    destroy() {
      spawnSync("runuser", ["-u", "postgres", "--", `${PG_BIN}/pg_ctl`, "-D", data, "-m", "immediate", "stop"]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Freezes a cluster's server processes with SIGSTOP, as `docker pause` or a hung host would: its sockets stay open,
 * so connections a pool already holds neither answer nor fail. Returns the thaw (SIGCONT).
 */
export function freezeCluster(cluster: Cluster): () => void {
  const postmaster = fs.readFileSync(path.join(cluster.dir, "data", "postmaster.pid"), "utf8").split("\n")[0]!.trim();
  const children = execFileSync("ps", ["-o", "pid=", "--ppid", postmaster], { encoding: "utf8" }).split(/\s+/).filter(Boolean);
  const pids = [postmaster, ...children];
  execFileSync("kill", ["-STOP", ...pids]);
  return () => void execFileSync("kill", ["-CONT", ...pids]);
}
