import { describe, expect, it } from "vitest";
import { shutdown } from "../ops/shutdown";
import { widgetEventStream } from "../widget/stream";
import { liveEventStream } from "./stream";

/** Everything a stream sends until it ends (or the timeout passes, then null). */
async function readToEnd(stream: ReadableStream<Uint8Array>, timeoutMs = 5000): Promise<string | null> {
  const reader = stream.pipeThrough(new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>).getReader();
  let text = "";
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const next = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
    if (!next) return null;
    if (next.done) return text;
    text += next.value;
  }
  return null;
}

// This file's process stops (shutdown is process-wide): it holds no other test.
describe("live streams when the server stops", () => {
  it("the inbox's and the widget's streams both end with a short reconnect hint, so browsers move to another instance", async () => {
    const orgId = crypto.randomUUID();
    const inbox = readToEnd(liveEventStream(orgId, new AbortController().signal));
    const widget = readToEnd(widgetEventStream(orgId, crypto.randomUUID(), new AbortController().signal));
    await new Promise((r) => setTimeout(r, 300)); // both streams subscribed
    await shutdown("test");
    expect(await inbox).toMatch(/retry: 500\n\n$/);
    expect(await widget).toMatch(/^retry: 2000\n\n: ready\n\n[^]*retry: 500\n\n$/);
  });
});
