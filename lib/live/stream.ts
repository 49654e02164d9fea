import { isShuttingDown, onShutdown } from "../ops/shutdown";
import { subscribeLive } from "./listener";
import { presenceSnapshot } from "./presence-store";
import { replayLiveSignals } from "./replay";
import type { LiveMessage } from "./types";

const encoder = new TextEncoder();
const KEEPALIVE_MS = 20_000;

/**
 * A Server-Sent Events body carrying the organization's live signals: what changed (type and conversation),
 * never the data itself, so each client refetches through its own authorized reads.
 * With `after` (the live cursor the page read before its data, or the Last-Event-ID of a reconnect) it first
 * replays every change since then: it listens before it reads, so no change falls between the two.
 */
export function liveEventStream(orgId: string, signal: AbortSignal, after: string | null = null): ReadableStream<Uint8Array> {
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
        if (message.orgId === orgId) send(`data: ${JSON.stringify(message)}\n\n`);
      });
      const keepalive = setInterval(() => send(": keepalive\n\n"), KEEPALIVE_MS);
      // A stopping server ends the stream with a short reconnect hint: the browser reconnects to another instance.
      const offShutdown = onShutdown(() => {
        send("retry: 500\n\n");
        cleanup();
      });
      if (isShuttingDown()) queueMicrotask(() => (send("retry: 500\n\n"), cleanup()));
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
      signal.addEventListener("abort", () => cleanup(), { once: true });
      send("retry: 2000\n\n");
      for (const presence of presenceSnapshot(orgId)) send(`data: ${JSON.stringify(presence)}\n\n`);
      if (after) {
        const replay = await replayLiveSignals(orgId, after).catch(() => null);
        if (!replay || replay.truncated) send(`data: ${JSON.stringify({ orgId, conversationId: null, type: "resync" })}\n\n`);
        else for (const change of replay.signals) send(`data: ${JSON.stringify(change)}\n\n`);
        // The browser sends this back as Last-Event-ID when it reconnects, so the replay resumes from here.
        if (replay) send(`id: ${replay.cursor}\ndata: ${JSON.stringify({ orgId, conversationId: null, type: "replayed" })}\n\n`);
      }
    },
    cancel() {
      cleanup();
    },
  });
}
