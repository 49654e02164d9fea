import { describe, expect, it } from "vitest";
import { createConversation } from "../conversations/create-conversation";
import { identifyEndUser } from "../end-users/identify-end-user";
import { publishPresence } from "../live/publish-presence";
import { createMessage } from "../messages/create-message";
import { createTestOrg } from "../testing/test-org";
import { widgetEventStream } from "./stream";
import { publishVisitorTyping } from "./typing";

/** Reads SSE data events from a widget stream until `until` matches one (or the timeout passes). */
async function collect(stream: ReadableStream<Uint8Array>, until: (e: Record<string, unknown>) => boolean, timeoutMs = 5000) {
  const reader = stream.pipeThrough(new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>).getReader();
  const events: Record<string, unknown>[] = [];
  let raw = "";
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const next = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
    if (!next || next.done) break;
    raw += next.value;
    for (const line of next.value.split("\n")) if (line.startsWith("data: ")) events.push(JSON.parse(line.slice(6)));
    if (events.some(until)) break;
  }
  reader.releaseLock();
  return { events, raw };
}

describe("the widget stream", () => {
  it("carries only the end user's own conversations: never notes, other users or other organizations; agent presence only as typing on/off", async () => {
    const org = await createTestOrg();
    const other = await createTestOrg("Other");
    const alice = await identifyEndUser(org.orgId, { email: "alice@example.com" });
    const asAlice = { orgId: org.orgId, actor: { type: "end_user" as const, id: alice.id, name: "alice@example.com" } };
    const mine = await createConversation(asAlice, { subject: "Mine", description: "hi", channel: "web" }, { requesterId: alice.id });
    const bobs = await createConversation(org.ctx, { subject: "Bob's", user_email: "bob@example.com", description: "hi" });
    const foreign = await createConversation(other.ctx, { subject: "Foreign", user_email: "alice@example.com", description: "hi" });

    const abort = new AbortController();
    const stream = widgetEventStream(org.orgId, alice.id, abort.signal);
    const reading = collect(stream, (e) => e.type === "message" && e.conversation_id === mine.conversation.id);
    await new Promise((r) => setTimeout(r, 300)); // the stream subscribes before the changes commit

    await createMessage(org.ctx, mine.conversation.id, { body: "SECRET NOTE", message_type: "note" });
    await publishPresence(org.ctx, { id: org.owner.id, name: "Olive Owner" }, mine.conversation.id, "viewing");
    await createMessage(org.ctx, bobs.conversation.id, { body: "to bob" });
    await createMessage(other.ctx, foreign.conversation.id, { body: "other org" });
    await publishVisitorTyping(asAlice, mine.conversation.id, true);
    await publishPresence(org.ctx, { id: org.owner.id, name: "Olive Owner" }, mine.conversation.id, "typing");
    await createMessage(org.ctx, mine.conversation.id, { body: "Agent reply" });

    const { events, raw } = await reading;
    abort.abort();
    expect(events).toEqual([
      { type: "typing", conversation_id: mine.conversation.id, typing: false, name: "Olive" },
      { type: "typing", conversation_id: mine.conversation.id, typing: true, name: "Olive" },
      { type: "message", conversation_id: mine.conversation.id },
    ]);
    expect(raw).not.toContain("note");
    expect(raw).not.toContain(bobs.conversation.id);
    expect(raw).not.toContain(foreign.conversation.id);
  });
});

describe("the widget stream after an identity merge", () => {
  it("follows the moved conversation: the verified user's open stream hears it, the anonymous one no longer does", async () => {
    const { mergeAnonymousEndUser } = await import("../end-users/merge-anonymous");
    const org = await createTestOrg();
    const system = { ...org.ctx, actor: { type: "system" as const, id: null, name: "t" } };
    const anon = await createConversation(system, { subject: "Before login", description: "hi", channel: "web" });
    const anonId = anon.conversation.requester!.id;
    const verified = await identifyEndUser(org.orgId, { email: `v-${Date.now()}@example.com` });

    // Both streams are open before the merge (the verified user on another device, say), and both have already
    // looked up who owns the conversation: a first reply warms every cache.
    const anonAbort = new AbortController();
    const verifiedAbort = new AbortController();
    const anonStream = widgetEventStream(org.orgId, anonId, anonAbort.signal);
    const verifiedStream = widgetEventStream(org.orgId, verified.id, verifiedAbort.signal);
    const isSecond = (e: Record<string, unknown>) => e.type === "message" && (e as { n?: number }).n === 2;
    const anonReading = collect(anonStream, isSecond, 4000);
    const verifiedReading = collect(verifiedStream, (e) => e.type === "message", 6000);
    await new Promise((r) => setTimeout(r, 300));
    await createMessage(org.ctx, anon.conversation.id, { body: "First reply" });
    await new Promise((r) => setTimeout(r, 300));

    expect(await mergeAnonymousEndUser(org.ctx, anon.anonymousToken!, verified.id)).toBe(1);
    await createMessage(org.ctx, anon.conversation.id, { body: "Second reply, after the merge" });

    const heardByVerified = (await verifiedReading).events;
    const heardByAnon = (await anonReading).events;
    anonAbort.abort();
    verifiedAbort.abort();
    // The new owner is told the conversation arrived, then hears the reply.
    expect(heardByVerified).toEqual([
      { type: "conversation", conversation_id: anon.conversation.id },
      { type: "message", conversation_id: anon.conversation.id },
    ]);
    // The anonymous identity heard the first reply only.
    expect(heardByAnon.filter((e) => e.type === "message")).toEqual([{ type: "message", conversation_id: anon.conversation.id }]);
  });
});
