import http from "node:http";
import { closeDb } from "@/db/client";
import { logger } from "./logger";

/** Everything must be done within this (a process manager's SIGKILL usually follows after 10 s or more). */
export const SHUTDOWN_DEADLINE_MS = 10_000;

type Hook = () => void | Promise<void>;
type State = { hooks: Set<Hook>; stopping: Promise<void> | null; installed: boolean };
const holder = globalThis as unknown as { __dexraShutdown?: State };
const state = (holder.__dexraShutdown ??= { hooks: new Set(), stopping: null, installed: false });

export const isShuttingDown = () => state.stopping !== null;

/** Runs `hook` when the process is asked to stop; returns the function that unregisters it. */
export function onShutdown(hook: Hook): () => void {
  state.hooks.add(hook);
  return () => state.hooks.delete(hook);
}

/** Runs every hook at once (SSE streams closed, worker stopped, ...). */
export function shutdown(reason: string): Promise<void> {
  state.stopping ??= (async () => {
    logger.info({ reason, hooks: state.hooks.size }, "shutting down");
    await Promise.allSettled([...state.hooks].map(async (hook) => hook()));
  })();
  return state.stopping;
}

/** The last step, once no request is in flight any more: the pool's connections are closed cleanly. */
async function finish(started: number) {
  await closeDb().catch((error) => logger.warn({ err: error }, "closing the database pool failed"));
  logger.info({ ms: Date.now() - started }, "shutdown complete");
}

/**
 * Keep-alive connections under steady load are never idle, so closing the server would wait for them forever:
 * from now on every answer says `Connection: close`, and connections that fall idle are closed.
 */
function drainHttpServers() {
  const handles = (process as unknown as { _getActiveHandles?: () => unknown[] })._getActiveHandles?.() ?? [];
  const servers = handles.filter((h): h is http.Server => h instanceof http.Server);
  for (const server of servers) {
    server.on("request", (_req: http.IncomingMessage, res: http.ServerResponse) => {
      if (!res.headersSent) res.setHeader("connection", "close");
    });
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    sweep.unref();
  }
}

/**
 * Inside `next start`: Next's own SIGTERM handler stops accepting connections, waits for requests in flight
 * (our hooks close SSE streams, which would otherwise hold it forever) and then calls process.exit. Exit is held
 * back here until our hooks are done too (worker leases released, pool closed), never past the deadline.
 */
export function installShutdown() {
  if (state.installed) return;
  state.installed = true;
  const exit = process.exit.bind(process);
  const onSignal = (signal: NodeJS.Signals) => {
    const started = Date.now();
    drainHttpServers();
    const force = setTimeout(() => exit(signal === "SIGTERM" ? 143 : 130), SHUTDOWN_DEADLINE_MS);
    force.unref();
    const hooks = shutdown(signal);
    // Next calls exit once its HTTP server has closed: every request has been answered by then.
    process.exit = ((code?: number) => {
      void hooks.then(() => finish(started)).finally(() => exit(code));
    }) as typeof process.exit;
    // Without Next's handler (NEXT_MANUAL_SIG_HANDLE, a custom server) nobody else exits for us.
    if (process.env.NEXT_MANUAL_SIG_HANDLE) void hooks.then(() => finish(started)).finally(() => exit(0));
  };
  // Before Next's own handler, which closes the listening server (it then no longer shows among the handles).
  process.prependOnceListener("SIGTERM", onSignal);
  process.prependOnceListener("SIGINT", onSignal);
}
