import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { freePort } from "../lib/ops/testing/postgres-cluster";
import { logIn } from "./fixtures";

/** Our own production processes for the scale-out tests: `next start` instances (one build) and workers. */
export type Proc = { child: ChildProcess; url: string; output: () => string; stop(signal?: NodeJS.Signals): Promise<number | null> };

const ROOT = path.join(import.meta.dirname, "..");

function launch(command: string, args: string[], env: Record<string, string>, url: string): Proc {
  // Its own process group, so a signal reaches every process it starts (as a process manager's would).
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
  child.stderr!.on("data", (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    url,
    output: () => output,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, signal);
      return exited;
    },
  };
}

export async function startApp(env: Record<string, string>): Promise<Proc> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const app = launch(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], env, url);
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/api/ready`)).status === 200) return app;
    } catch {}
    if (i > 240 || app.child.exitCode !== null) throw new Error(`next start did not become ready:\n${app.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function startWorker(env: Record<string, string>): Promise<Proc> {
  const worker = launch(process.execPath, ["--import", "tsx", "scripts/worker.ts"], env, ""); // one process, as `npm run worker`
  for (let i = 0; !worker.output().includes("worker started"); i++) {
    if (i > 240 || worker.child.exitCode !== null) throw new Error(`worker did not start:\n${worker.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return worker;
}

/** Signs in through the instance's login page and returns the session cookie header (valid on every instance). */
export async function sessionCookie(browser: Browser, baseUrl: string, email: string, password: string) {
  const context = await browser.newContext({ baseURL: baseUrl, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await logIn(page, email, password);
  await page.waitForURL(/\/inbox/);
  const cookies = await context.cookies();
  await context.close();
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

/** An EventSource-like reader of /api/inbox/live: collects the raw text and tells when the server ended it. */
export async function openLiveStream(baseUrl: string, cookie: string) {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/inbox/live`, { headers: { cookie, accept: "text/event-stream" }, signal: controller.signal });
  if (response.status !== 200) throw new Error(`live stream answered ${response.status}`);
  const state = { text: "", ended: false };
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        state.text += decoder.decode(value, { stream: true });
      }
    } catch {}
    state.ended = true;
  })();
  return { state, close: () => controller.abort() };
}
