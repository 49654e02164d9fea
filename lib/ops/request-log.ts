import { logger } from "./logger";
import { observeRequest } from "./metrics";

/**
 * Called by the API wrappers with every answer: one structured log line carrying the request id (also sent
 * back as X-Request-Id) and the request's metrics. Returns the response unchanged.
 */
export function finishApiRequest(request: Request, requestId: string, startedAt: number, response: Response): Response {
  const ms = performance.now() - startedAt;
  const { pathname } = new URL(request.url);
  observeRequest(request.method, pathname, response.status, ms / 1000);
  const line = { reqId: requestId, method: request.method, path: pathname, status: response.status, ms: Math.round(ms * 10) / 10 };
  // The same "request" line for every answer, at error level for a 5xx (whose cause error-response.ts logged).
  if (response.status >= 500) logger.error(line, "request");
  else logger.info(line, "request");
  return response;
}
