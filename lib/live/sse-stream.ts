import { isShuttingDown, onShutdown } from "../ops/shutdown";
import { subscribeLive } from "./listener";
import type { LiveMessage } from "./types";

const encoder = new TextEncoder();
const KEEPALIVE_MS = 20_000;

export type SseSend = (chunk: string) => void;
export const sseData = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;

/**
 * A Server-Sent Events body fed by the live signals, shared by the inbox and the widget streams: it subscribes before
 * `opened` runs (so nothing falls between the two), keeps the connection alive through proxies, ends when the
 * client goes away, and when this server stops it ends with a short reconnect hint so the browser reconnects to
 * another instance.
 */
export function liveSseStream(
  signal: AbortSignal,
  onMessage: (message: LiveMessage, send: SseSend) => void,
  opened: (send: SseSend) => Promise<void> | void,
): ReadableStream<Uint8Array> {
  let cleanup = () => {};
  return new ReadableStream({
    async start(controller) {
      const send: SseSend = (chunk) => {
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          cleanup();
        }
      };
      const unsubscribe = await subscribeLive((message) => onMessage(message, send));
      const keepalive = setInterval(() => send(": keepalive\n\n"), KEEPALIVE_MS);
      const endForShutdown = () => (send("retry: 500\n\n"), cleanup());
      const offShutdown = onShutdown(endForShutdown);
      cleanup = () => {
        clearInterval(keepalive);
        offShutdown();
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      if (isShuttingDown()) queueMicrotask(endForShutdown);
      signal.addEventListener("abort", () => cleanup(), { once: true });
      await opened(send);
    },
    cancel() {
      cleanup();
    },
  });
}
