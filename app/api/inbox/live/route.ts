import { withAgent } from "@/lib/inbox/route";
import { liveEventStream } from "@/lib/live/stream";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = withAgent(async (request, session) =>
  new Response(liveEventStream(session.ctx.orgId, request.signal), {
    headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  }),
);
