import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { agents, agentSessions } from "@/db/schema";
import type { AgentSession } from "./agent-session";

const RECHECK_MS = Number(process.env.DEXRA_SESSION_RECHECK_MS ?? 5_000);

/** True while the session behind a long-lived request is still valid (not signed out, agent active). */
export async function isSessionActive(session: AgentSession): Promise<boolean> {
  const live = and(eq(agents.id, session.agent.id), isNull(agents.deactivatedAt), eq(agents.sessionVersion, session.agent.sessionVersion));
  const query = db.select({ id: agents.id }).from(agents);
  const [row] = session.sessionId
    ? await query
        .innerJoin(agentSessions, and(eq(agentSessions.agentId, agents.id), eq(agentSessions.id, session.sessionId), gt(agentSessions.expiresAt, sql`now()`)))
        .where(live)
        .limit(1)
    : await query.where(live).limit(1);
  return Boolean(row);
}

/**
 * A signal for a long-lived response (the live SSE stream): it aborts when the client goes away, or when the
 * agent's session ends (sign-out, deactivation, password change), rechecked every few seconds, so a
 * signed-out browser stops receiving events.
 */
export function sessionBoundSignal(session: AgentSession, request: AbortSignal, recheckMs = RECHECK_MS): AbortSignal {
  const controller = new AbortController();
  const timer = setInterval(() => {
    isSessionActive(session)
      .then((active) => active || controller.abort())
      // A database hiccup is not a revocation: keep the stream and check again next time.
      .catch(() => {});
  }, recheckMs);
  timer.unref?.();
  controller.signal.addEventListener("abort", () => clearInterval(timer), { once: true });
  if (request.aborted) controller.abort();
  else request.addEventListener("abort", () => controller.abort(), { once: true });
  return controller.signal;
}
