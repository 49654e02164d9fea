import { subscribeLive } from "../live/listener";
import type { LiveMessage } from "../live/types";
import { createWidgetScope } from "./stream-scope";

const encoder = new TextEncoder();
const KEEPALIVE_MS = 20_000;

/** A Server-Sent Events body of one end user's widget events (see createWidgetScope for what passes). */
export function widgetEventStream(orgId: string, endUserId: string, signal: AbortSignal): ReadableStream<Uint8Array> {
  const toWidgetEvent = createWidgetScope(orgId, endUserId);
  let cleanup = () => {};
  return new ReadableStream({
    async start(controller) {
      const send = (chunk: string) => {
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          cleanup();
        }
      };
      const unsubscribe = await subscribeLive((message: LiveMessage) => {
        if (message.orgId !== orgId) return;
        toWidgetEvent(message)
          .then((event) => event && send(`data: ${JSON.stringify(event)}\n\n`))
          .catch((error) => console.error("[dexra] widget stream", error));
      });
      const keepalive = setInterval(() => send(": keepalive\n\n"), KEEPALIVE_MS);
      cleanup = () => {
        clearInterval(keepalive);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      signal.addEventListener("abort", () => cleanup(), { once: true });
      send("retry: 2000\n\n: ready\n\n");
    },
    cancel() {
      cleanup();
    },
  });
}
