import pino from "pino";

/**
 * One JSON line per event on stdout (pino), with the request id where there is one, so a log collector can
 * follow a request across instances. DEXRA_LOG_LEVEL: fatal, error, warn, info (default), debug, silent.
 */
function create() {
  return pino({
    level: process.env.DEXRA_LOG_LEVEL ?? (process.env.VITEST ? "warn" : "info"),
    base: { pid: process.pid, service: process.env.DEXRA_SERVICE_NAME ?? "dexra" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}

const holder = globalThis as unknown as { __dexraLogger?: pino.Logger };
export const logger: pino.Logger = (holder.__dexraLogger ??= create());
