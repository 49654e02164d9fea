import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "./postgres-cluster";

export type PgBouncer = { port: number; url: (db: string) => string; stop(): Promise<void> };

const BINARY = ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer"].find((p) => fs.existsSync(p));

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

/**
 * A real PgBouncer (Debian's package; scripts/test.sh installs it) in transaction mode in front of `server`, with
 * few server connections so that consecutive transactions of one client land on different server sessions, as
 * they do in production. It refuses to run as root: started as the postgres user then.
 */
export async function startPgBouncer(server: URL, options: { poolSize?: number } = {}): Promise<PgBouncer> {
  if (!BINARY) throw new Error("pgbouncer is not installed (apt-get install pgbouncer; scripts/test.sh does it)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dexra-pgbouncer-"));
  const port = await freePort();
  const user = decodeURIComponent(server.username || "postgres");
  fs.writeFileSync(path.join(dir, "userlist.txt"), `"${user}" ""\n`);
  fs.writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    `[databases]
* = host=${server.hostname} port=${server.port || 5432}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = trust
auth_file = ${dir}/userlist.txt
pool_mode = transaction
default_pool_size = ${options.poolSize ?? 3}
max_client_conn = 1000
; the app's statements are bounded here: a startup statement_timeout is refused by the pooler
query_timeout = 30
server_reset_query =
logfile = ${dir}/pgbouncer.log
pidfile = ${dir}/pgbouncer.pid
`,
  );
  const root = process.getuid?.() === 0;
  if (root) fs.chownSync(dir, ...uidGid("postgres"));
  for (const f of fs.readdirSync(dir)) if (root) fs.chownSync(path.join(dir, f), ...uidGid("postgres"));
  const args = [path.join(dir, "pgbouncer.ini")];
  const child: ChildProcess = root
    ? spawn("runuser", ["-u", "postgres", "--", BINARY, ...args], { stdio: "ignore", detached: true })
    : spawn(BINARY, args, { stdio: "ignore", detached: true });
  for (let i = 0; !(await answers(port)); i++) {
    if (i > 100 || child.exitCode !== null) throw new Error(`pgbouncer did not start: ${fs.readFileSync(path.join(dir, "pgbouncer.log"), "utf8").slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    url: (db: string) => `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/${db}`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        process.kill(-child.pid!, "SIGTERM");
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function uidGid(user: string): [number, number] {
  const line = fs.readFileSync("/etc/passwd", "utf8").split("\n").find((l) => l.startsWith(`${user}:`));
  if (!line) throw new Error(`no ${user} user`);
  const [, , uid, gid] = line.split(":");
  return [Number(uid), Number(gid)];
}
