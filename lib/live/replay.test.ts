import { describe, expect, it } from "vitest";
import { createConversation } from "../conversations/create-conversation";
import { createTestOrg } from "../testing/test-org";
import { liveCursorSchema, readLiveCursor, replayLiveSignals } from "./replay";
import { liveEventStream } from "./stream";

/** Reads an SSE body until `done` says it has seen enough, then stops the stream. */
async function readStream(stream: ReadableStream<Uint8Array>, abort: AbortController, done: (text: string) => boolean) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + 5_000;
  while (!done(text) && Date.now() < deadline) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    text += decoder.decode(value);
  }
  abort.abort();
  return text;
}

describe("live replay from a page's cursor", () => {
  it("replays a change committed after the page read its cursor but before the stream opened", async () => {
    const { ctx } = await createTestOrg();
    const cursor = await readLiveCursor();
    // The gap: the page has its data, the browser has not connected yet.
    const { conversation } = await createConversation(ctx, { subject: "While loading", description: "Are you there?" });
    const abort = new AbortController();
    const text = await readStream(liveEventStream(ctx.orgId, abort.signal, cursor), abort, (t) => t.includes('"replayed"'));
    expect(text).toContain(`"conversationId":"${conversation.id}"`);
    // The stream names the cursor a reconnect resumes from (sent back as Last-Event-ID).
    expect(text).toMatch(/^id: \d+$/m);
  });

  it("collapses a conversation's events into one signal, keeps organizations apart, and resumes from its head", async () => {
    const a = await createTestOrg("A");
    const b = await createTestOrg("B");
    const cursor = await readLiveCursor();
    const { conversation } = await createConversation(a.ctx, { subject: "Mine", description: "first message" });
    await createConversation(b.ctx, { subject: "Theirs", description: "not for A" });
    const replay = await replayLiveSignals(a.ctx.orgId, cursor);
    expect(replay.truncated).toBe(false);
    expect(replay.signals.filter((s) => s.conversationId === conversation.id)).toHaveLength(1);
    expect(replay.signals.every((s) => s.orgId === a.ctx.orgId)).toBe(true);
    expect(BigInt(replay.cursor)).toBeGreaterThanOrEqual(BigInt(cursor));
    const later = await createConversation(a.ctx, { subject: "Later", description: "after the head" });
    const resumed = await replayLiveSignals(a.ctx.orgId, replay.cursor);
    expect(resumed.signals.map((s) => s.conversationId)).toContain(later.conversation.id);
  });

  it("accepts only a transaction id as a cursor", () => {
    expect(liveCursorSchema.safeParse("12345").success).toBe(true);
    for (const bad of ["", "abc", "-1", "1_2", "99999999999999999999"]) expect(liveCursorSchema.safeParse(bad).success).toBe(false);
  });
});
