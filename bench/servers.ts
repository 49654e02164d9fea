import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";

const ROOT = path.join(import.meta.dirname, "..");
export const children: ChildProcess[] = [];
process.on("exit", () => {
  for (const child of children) if (child.pid) try { process.kill(-child.pid, "SIGTERM"); } catch {}
});
process.on("SIGINT", () => process.exit(130));

/** Always rebuilds (incremental): a stale .next would measure old code. BENCH_SKIP_BUILD=1 skips it. */
export function buildApp() {
  if (process.env.BENCH_SKIP_BUILD === "1") return;
  console.log("Building the app (next build)…");
  if (spawnSync("npx", ["next", "build"], { cwd: ROOT, stdio: "inherit" }).status !== 0) throw new Error("next build failed");
}

/** The environment of a production server of ours on `databaseUrl`. */
export const serverEnv = (databaseUrl: string) => ({
  ...process.env,
  DATABASE_URL: databaseUrl,
  NODE_ENV: "production" as const,
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-bench-secret-bench-secret",
});

/** Starts a server in its own process group (stopped when the benchmark exits) and waits until it answers. */
export async function startServer(command: string, args: string[], port: number, env: NodeJS.ProcessEnv, cwd = ROOT) {
  const child = spawn(command, args, { cwd, env: { ...env, PORT: String(port) }, detached: true, stdio: "ignore" });
  children.push(child);
  for (let i = 0; i < 200; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/conversations/`, { headers: { authorization: "Bearer x" } });
      if (res.status) return `http://127.0.0.1:${port}`;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server on port ${port} did not start`);
}

/**
 * `next start` on `port`; `nodeArgs` go to node itself (--cpu-prof is refused in NODE_OPTIONS); `root`: another
 * built checkout (e.g. the previous version, for a before/after comparison).
 */
export const startNext = (port: number, env: NodeJS.ProcessEnv, nodeArgs: string[] = [], root = ROOT) =>
  startServer(process.execPath, [...nodeArgs, path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)], port, env, root);
