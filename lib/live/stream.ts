import { presenceSnapshot } from "./presence-store";
import { replayLiveSignals } from "./replay";
import { liveSseStream, sseData } from "./sse-stream";

/**
 * A Server-Sent Events body carrying the organization's live signals: what changed (type and conversation),
 * never the data itself, so each client refetches through its own authorized reads.
 * With `after` (the live cursor the page read before its data, or the Last-Event-ID of a reconnect) it first
 * replays every change since then: it listens before it reads, so no change falls between the two.
 */
export function liveEventStream(orgId: string, signal: AbortSignal, after: string | null = null): ReadableStream<Uint8Array> {
  return liveSseStream(
    signal,
    (message, send) => message.orgId === orgId && send(sseData(message)),
    async (send) => {
      send("retry: 2000\n\n");
      for (const presence of presenceSnapshot(orgId)) send(sseData(presence));
      if (!after) return;
      const replay = await replayLiveSignals(orgId, after).catch(() => null);
      if (!replay || replay.truncated) send(sseData({ orgId, conversationId: null, type: "resync" }));
      else for (const change of replay.signals) send(sseData(change));
      // The browser sends this back as Last-Event-ID when it reconnects, so the replay resumes from here.
      if (replay) send(`id: ${replay.cursor}\n${sseData({ orgId, conversationId: null, type: "replayed" })}`);
    },
  );
}
