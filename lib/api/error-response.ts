import { ZodError } from "zod";
import { ApiError } from "../errors";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, serviceUnavailableBody } from "../ops/database-errors";
import { logger } from "../ops/logger";

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

function describeIssue(issue: ZodError["issues"][number]) {
  const path = issue.path.join(".");
  if (!path || issue.message.startsWith(path)) return issue.message;
  return `${path}: ${issue.message}`;
}

const isClientAbort = (error: unknown) =>
  error instanceof Error && (error.name === "AbortError" || error.message === "aborted" || (error as { code?: string }).code === "ECONNRESET");

/** The one mapper: every failure becomes `{"error": {code, message, details}}` with its status. */
export function errorResponse(error: unknown, requestId: string) {
  if (error instanceof ApiError) {
    return jsonResponse({ error: { code: error.code, message: error.message, details: error.details ?? [] } }, error.status, error.headers);
  }
  if (error instanceof ZodError) {
    const details = error.issues.map((i) => ({ path: i.path, message: i.message, code: i.code }));
    return jsonResponse({ error: { code: "validation_error", message: describeIssue(error.issues[0]!), details } }, 400);
  }
  if (error instanceof URIError) {
    // decodeURIComponent on a path segment such as %C0%80 (not UTF-8): the client's malformed URL, not our failure.
    return jsonResponse({ error: { code: "validation_error", message: "The URL has invalid percent-encoding", details: [] } }, 400);
  }
  if (isClientAbort(error)) {
    // The client went away mid-request (navigation, closed tab): nothing failed here and nobody reads the answer.
    return jsonResponse({ error: { code: "aborted", message: "The client closed the request.", details: [] } }, 400);
  }
  if (isDatabaseUnavailable(error)) return jsonResponse(serviceUnavailableBody(requestId), 503, { "retry-after": String(RETRY_AFTER_SECONDS) });
  logger.error({ reqId: requestId, err: error }, "request failed");
  return jsonResponse(
    { error: { code: "internal_error", message: `Something went wrong on our side (request id ${requestId}).`, details: [] } },
    500,
  );
}
