import { refuseOtherMethods } from "@/lib/api/api-route";
import { sessionBoundSignal } from "@/lib/auth/session-watch";
import { withAgent } from "@/lib/inbox/route";
import { liveCursorSchema } from "@/lib/live/replay";
import { liveEventStream } from "@/lib/live/stream";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// A reconnect's Last-Event-ID (the cursor the previous stream reached) wins over the page's first cursor.
export const GET = withAgent(async (request, session) => {
  const given = request.headers.get("last-event-id") || new URL(request.url).searchParams.get("after");
  const after = given ? liveCursorSchema.parse(given) : null;
  return new Response(liveEventStream(session.ctx.orgId, sessionBoundSignal(session, request.signal), after), {
    headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  });
});

// Other methods: a JSON 405 with Allow, never Next's empty one.
export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods("GET");
