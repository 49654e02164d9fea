import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { ApiError } from "../errors";
import { loadAgentSession, hasRole, type AgentSession } from "./agent-session";
import { auth } from "./index";
import type { Role } from "./roles";

export const SANDBOX_COOKIE = "dexra_sandbox";

/** The signed-in agent's session, or null. For route handlers that answer 401 themselves. */
export async function getAgentSession(): Promise<AgentSession | null> {
  const session = await auth();
  // A cookie without a server-side session id (issued before sessions were stored) is not honoured.
  if (!session?.agentId || !session.sessionId) return null;
  const sandbox = (await cookies()).get(SANDBOX_COOKIE)?.value === "1";
  return loadAgentSession(session.agentId, session.sessionVersion ?? 0, sandbox, session.sessionId);
}

/**
 * The one authorization check for pages and server actions: signed out → /login;
 * below the required role → 404, so settings do not even reveal they exist.
 */
export async function requireAgent(options: { role?: Role } = {}): Promise<AgentSession> {
  const session = await getAgentSession();
  if (!session) redirect("/login");
  if (options.role && !hasRole(session, options.role)) notFound();
  return session;
}

/** Same check for route handlers: throws ApiError (401/404) for the error mapper. */
export async function authorizeAgent(options: { role?: Role } = {}): Promise<AgentSession> {
  const session = await getAgentSession();
  if (!session) throw new ApiError("unauthorized", "Sign in required");
  if (options.role && !hasRole(session, options.role)) throw new ApiError("not_found", "Not found");
  return session;
}
