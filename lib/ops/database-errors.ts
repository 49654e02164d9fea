/**
 * Failures that mean "the database is not reachable right now" rather than "this request is wrong": refused or
 * timed-out connections, connections dropped by a restart, a server starting up or shutting down, too many
 * clients, a statement cancelled by its time-out. The API answers them 503 with Retry-After; the client retries.
 */
const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "EAI_AGAIN"]);
// postgres.js's own connection errors.
const DRIVER_CODES = new Set(["CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED"]);
// SQLSTATE: 08 connection exception, 57P01-03 shutdown / cannot connect now, 53300 too many connections,
// 57014 statement timeout (the server is too slow to answer now).
const SQLSTATE = /^(08...|57P0[123]|53300|57014)$/;

type WithCode = { code?: unknown; errno?: unknown; cause?: unknown; errors?: unknown };

export function isDatabaseUnavailable(error: unknown): boolean {
  // drizzle wraps driver errors (DrizzleQueryError.cause); Node wraps parallel connect attempts (AggregateError).
  for (let e = error as WithCode | undefined, depth = 0; e && typeof e === "object" && depth < 5; e = e.cause as WithCode, depth++) {
    const code = typeof e.code === "string" ? e.code : "";
    if (NODE_CODES.has(code) || DRIVER_CODES.has(code) || SQLSTATE.test(code)) return true;
    if (Array.isArray(e.errors) && e.errors.some(isDatabaseUnavailable)) return true;
  }
  return false;
}

/** Seconds a client should wait before retrying while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

export function serviceUnavailableBody(requestId: string) {
  return {
    error: {
      code: "service_unavailable",
      message: `The database is not reachable right now; retry in a few seconds (request id ${requestId}).`,
      details: [],
    },
  };
}
