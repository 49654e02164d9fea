import { sessionBoundSignal } from "@/lib/auth/session-watch";
import { withAgent } from "@/lib/inbox/route";
import { liveEventStream } from "@/lib/live/stream";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// The stream ends when the client leaves or the agent's session is ended (sign-out, deactivation).
export const GET = withAgent(async (request, session) =>
  new Response(liveEventStream(session.ctx.orgId, sessionBoundSignal(session, request.signal)), {
    headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  }),
);
