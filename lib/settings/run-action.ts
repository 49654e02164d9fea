import type { AgentSession } from "../auth/agent-session";
import { hasRole } from "../auth/agent-session";
import type { Role } from "../auth/roles";
import { ApiError } from "../errors";
import type { ActionState, FieldErrors } from "./form-data";

export type SettingsActionOptions<R> = {
  role: Role;
  run: (session: AgentSession) => Promise<R>;
  message?: string | ((result: R) => string);
};

/** Signed out → unauthorized; below the role → not found (settings do not reveal they exist). */
export function assertSettingsAccess(session: AgentSession | null, role: Role): asserts session is AgentSession {
  if (!session) throw new ApiError("unauthorized", "Sign in required");
  if (!hasRole(session, role)) throw new ApiError("not_found", "Not found");
}

/**
 * The body of every settings server action: authorize, run ONE lib call, and turn the lib's
 * ApiErrors into a form state (field errors next to fields, anything else as a message).
 * Access errors are thrown, not returned, so the edge can answer them with a 404/login redirect.
 */
export async function runSettingsAction<R>(session: AgentSession | null, options: SettingsActionOptions<R>): Promise<ActionState<R>> {
  assertSettingsAccess(session, options.role);
  const state = await runPublicAction(() => options.run(session));
  if (state.status === "ok" && options.message) {
    return { ...state, message: typeof options.message === "function" ? options.message(state.result as R) : options.message };
  }
  return state;
}

/** Runs one lib call and turns its ApiErrors into form state; for actions whose authorization is their input (a one-time token). */
export async function runPublicAction<R>(run: () => Promise<R>): Promise<ActionState<R>> {
  try {
    return { status: "ok", result: await run() };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { status: "error", message: error.message, fieldErrors: fieldErrorsOf(error) };
  }
}

/** ApiError details `{ path, message }` (the API's shape) → the first message per form field. */
function fieldErrorsOf(error: ApiError): FieldErrors | undefined {
  const errors: FieldErrors = {};
  for (const detail of error.details ?? []) {
    if (typeof detail !== "object" || detail === null || !("path" in detail) || !("message" in detail)) continue;
    const { path, message } = detail as { path: unknown; message: unknown };
    if (!Array.isArray(path) || typeof message !== "string") continue;
    errors[path.join(".") || "form"] ??= message;
  }
  return Object.keys(errors).length ? errors : undefined;
}
