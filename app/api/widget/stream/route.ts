import { refuseOtherMethods } from "@/lib/api/api-route";
import { withApiKey } from "@/lib/api/with-api-key";
import { widgetEventStream } from "@/lib/widget/stream";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// Client key + a verified or anonymous end-user identity; the events are that end user's only.
export const GET = withApiKey(
  async ({ ctx, request }) =>
    new Response(widgetEventStream(ctx.orgId, ctx.actor.id!, request.signal), {
      headers: { "content-type": "text/event-stream", "cache-control": "no-cache, no-transform", connection: "keep-alive", "x-accel-buffering": "no" },
    }),
  { keys: ["client"] },
);

// Other methods: a JSON 405 with Allow, never Next's empty one.
export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods("GET");
