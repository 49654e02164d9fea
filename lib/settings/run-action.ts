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

function fieldErrorsOf(error: ApiError): FieldErrors | undefined {
  const fields = (error.details ?? []).filter(
    (d): d is { field: string; message: string } => typeof d === "object" && d !== null && "field" in d && "message" in d,
  );
  return fields.length ? Object.fromEntries(fields.map((d) => [d.field, d.message])) : undefined;
}
