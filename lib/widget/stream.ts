import { liveSseStream, sseData } from "../live/sse-stream";
import { logger } from "../ops/logger";
import { createWidgetScope } from "./stream-scope";

/** A Server-Sent Events body of one end user's widget events (see createWidgetScope for what passes). */
export function widgetEventStream(orgId: string, endUserId: string, signal: AbortSignal): ReadableStream<Uint8Array> {
  const toWidgetEvent = createWidgetScope(orgId, endUserId);
  return liveSseStream(
    signal,
    (message, send) => {
      if (message.orgId !== orgId) return;
      toWidgetEvent(message)
        .then((event) => event && send(sseData(event)))
        .catch((err) => logger.error({ err, orgId }, "widget stream event failed"));
    },
    (send) => send("retry: 2000\n\n: ready\n\n"),
  );
}
