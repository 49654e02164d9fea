import { ZodError } from "zod";
import type { AgentSession } from "../auth/agent-session";
import { authorizeAgent } from "../auth/require-agent";
import { ApiError } from "../errors";

type Params = Record<string, string | string[]>;
type Handler<P extends Params> = (request: Request, session: AgentSession, params: P) => Promise<Response>;

const errorResponse = (status: number, code: string, message: string, details?: unknown[]) =>
  Response.json({ error: { code, message, ...(details ? { details } : {}) } }, { status });

/**
 * The wrapper of every /api/inbox handler: signed-in agent required (401 JSON, never a redirect),
 * ApiError and zod errors mapped to the API's error body, anything else logged and answered 500.
 */
export function withAgent<P extends Params = Params>(handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }) => {
    try {
      const session = await authorizeAgent();
      return await handler(request, session, await context.params);
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error.status, error.code, error.message, error.details);
      if (error instanceof ZodError) {
        const first = error.issues[0];
        const message = first ? `${first.path.join(".") || "input"}: ${first.message}` : "invalid input";
        return errorResponse(400, "validation_error", message, error.issues);
      }
      if (error instanceof SyntaxError) return errorResponse(400, "validation_error", "body is not valid JSON");
      console.error("inbox route failed", error);
      return errorResponse(500, "internal_error", "Something went wrong on our side. Try again.");
    }
  };
}

/** Reads a JSON body, treating an empty body as {}. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  return text ? JSON.parse(text) : {};
}
