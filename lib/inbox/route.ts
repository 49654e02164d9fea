import { randomUUID } from "node:crypto";
import { errorResponse } from "../api/error-response";
import { assertNoNul, readJsonBody } from "../api/read-body";
import type { AgentSession } from "../auth/agent-session";
import { authorizeAgent } from "../auth/require-agent";
import { assertSameOriginJson } from "../auth/same-origin";
import { watchDatabase } from "../ops/database-watchdog";

type Params = Record<string, string | string[]>;
type Handler<P extends Params> = (request: Request, session: AgentSession, params: P) => Promise<Response>;

/**
 * The wrapper of every /api/inbox handler: state changes must be same-origin JSON (CSRF), a signed-in agent
 * is required (401 JSON, never a redirect),
 * and failures go through the API's one error mapper, so the UI reads the same error bodies.
 */
export function withAgent<P extends Params = Params>(handler: Handler<P>) {
  const handle = async (request: Request, context: { params: Promise<P> }) => {
    try {
      assertSameOriginJson(request);
      const session = await authorizeAgent();
      const params = await context.params;
      assertNoNul(Object.fromEntries(new URL(request.url).searchParams), "The query string");
      assertNoNul(params, "The path");
      return await handler(request, session, params);
    } catch (error) {
      return errorResponse(error, randomUUID());
    }
  };
  // A database that stops answering: 503 within seconds, not a hung request (lib/ops/database-watchdog.ts).
  return (request: Request, context: { params: Promise<P> }) =>
    watchDatabase(handle(request, context)).catch((error: unknown) => errorResponse(error, randomUUID()));
}

/** The JSON body (at most 1 MiB; empty means {}). */
export async function readJson(request: Request): Promise<unknown> {
  const { json } = await readJsonBody(request);
  assertNoNul(json, "The request body");
  return json;
}
