import { describe, expect, it } from "vitest";
import { createConversation } from "../conversations/create-conversation";
import { identifyEndUser } from "../end-users/identify-end-user";
import { publishPresence } from "../live/publish-presence";
import { createMessage } from "../messages/create-message";
import { createTestOrg } from "../testing/test-org";
import { widgetEventStream } from "./stream";
import { publishVisitorTyping } from "./typing";

type Event = Record<string, unknown>;

/**
 * Opens a widget stream for reading: `ready` resolves once the server said it is subscribed (its ": ready"
 * comment), so changes made after it are certainly heard; `until` reads data events until one matches.
 */
function open(stream: ReadableStream<Uint8Array>) {
  const reader = stream.pipeThrough(new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>).getReader();
  const events: Event[] = [];
  let raw = "";
  let buffered = "";
  async function readOnce(deadline: number) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const next = await Promise.race([reader.read(), new Promise<null>((r) => (timer = setTimeout(() => r(null), Math.max(0, deadline - Date.now()))))]);
    clearTimeout(timer);
    if (!next || next.done) return false;
    raw += next.value;
    buffered += next.value;
    const blocks = buffered.split("\n\n");
    buffered = blocks.pop()!;
    for (const line of blocks.flatMap((b) => b.split("\n"))) if (line.startsWith("data: ")) events.push(JSON.parse(line.slice(6)));
    return true;
  }
  const ready = (async () => {
    const deadline = Date.now() + 10_000;
    while (!raw.includes(": ready")) if (!(await readOnce(deadline))) throw new Error("the stream never said it was ready");
  })();
  return {
    ready,
    events,
    get raw() {
      return raw;
    },
    /** Reads until `done(events)` holds, or until the timeout (then the caller's assertions tell what is missing). */
    async until(done: (events: Event[]) => boolean, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!done(events) && (await readOnce(deadline)));
      return events;
    },
    close: () => reader.releaseLock(),
  };
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
    const stream = open(widgetEventStream(org.orgId, alice.id, abort.signal));
    await stream.ready;

    await createMessage(org.ctx, mine.conversation.id, { body: "SECRET NOTE", message_type: "note" });
    await publishPresence(org.ctx, { id: org.owner.id, name: "Olive Owner" }, mine.conversation.id, "viewing");
    await createMessage(org.ctx, bobs.conversation.id, { body: "to bob" });
    await createMessage(other.ctx, foreign.conversation.id, { body: "other org" });
    await publishVisitorTyping(asAlice, mine.conversation.id, true);
    await publishPresence(org.ctx, { id: org.owner.id, name: "Olive Owner" }, mine.conversation.id, "typing");
    await createMessage(org.ctx, mine.conversation.id, { body: "Agent reply" });

    const events = await stream.until((seen) => seen.some((e) => e.type === "message" && e.conversation_id === mine.conversation.id));
    const raw = stream.raw;
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

    // Both streams are open before the merge (the verified user on another device, say), and the anonymous one has
    // heard a first reply (which warmed the owner cache with the anonymous owner).
    const anonAbort = new AbortController();
    const verifiedAbort = new AbortController();
    const anonStream = open(widgetEventStream(org.orgId, anonId, anonAbort.signal));
    const verifiedStream = open(widgetEventStream(org.orgId, verified.id, verifiedAbort.signal));
    await Promise.all([anonStream.ready, verifiedStream.ready]);
    await createMessage(org.ctx, anon.conversation.id, { body: "First reply" });
    await anonStream.until((seen) => seen.some((e) => e.type === "message"));

    expect(await mergeAnonymousEndUser(org.ctx, anon.anonymousToken!, verified.id)).toBe(1);
    await createMessage(org.ctx, anon.conversation.id, { body: "Second reply, after the merge" });

    const moved = (seen: Event[]) => seen.findIndex((e) => e.type === "conversation");
    const heardByVerified = await verifiedStream.until((seen) => moved(seen) >= 0 && seen.slice(moved(seen)).some((e) => e.type === "message"));
    // Nothing comes after the second reply for the anonymous identity: give it a moment to (wrongly) arrive.
    const heardByAnon = await anonStream.until(() => false, 1500);
    anonAbort.abort();
    verifiedAbort.abort();
    // The new owner is told the conversation arrived, then hears the reply. (The first reply may come too, before
    // or after, if this stream was still looking up its owner when the merge landed: by then it is theirs.)
    const reply = { type: "message", conversation_id: anon.conversation.id };
    expect(heardByVerified.filter((e) => e.type === "conversation")).toEqual([{ type: "conversation", conversation_id: anon.conversation.id }]);
    expect(heardByVerified.slice(moved(heardByVerified) + 1)[0]).toEqual(reply);
    expect(heardByVerified.filter((e) => e.type !== "conversation")).toEqual(heardByVerified.filter((e) => e.type !== "conversation").map(() => reply));
    // The anonymous identity heard the first reply only.
    expect(heardByAnon.filter((e) => e.type === "message")).toEqual([{ type: "message", conversation_id: anon.conversation.id }]);
  });
});
