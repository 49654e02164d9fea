import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callRoute } from "@/lib/api/testing/call-route";
import { v1ConversationListSchema, v1ConversationSchema, v1CreatedConversationSchema, v1MessageSentSchema, v1UserSchema } from "@/lib/reference-api/openapi";
import { createTestOrg } from "@/lib/testing/test-org";
import * as one from "./conversations/[id]/route";
import * as conversations from "./conversations/route";
import * as messages from "./messages/route";
import * as users from "./users/[id]/route";

const hmac = (secret: string, email: string) => createHmac("sha256", secret).update(email).digest("hex");

// Each example of seeds/dexra-api-reference.txt, replayed against the /v1 handlers with the seed's own values.
describe("the Dexra reference API at /v1 (seed examples)", () => {
  it("POST /v1/conversations, GET /v1/conversations/:id, POST /v1/messages, GET /v1/conversations, PATCH /v1/users/:id", async () => {
    const org = await createTestOrg();
    const key = org.serverKey;

    const created = await callRoute(conversations.POST, "POST", "/v1/conversations", { key, body: { user_id: "u_9921", subject: "Login Issue", tags: ["support", "urgent"] } });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body).sort()).toEqual(["created_at", "id", "status"]);
    expect(created.body.status).toBe("open");
    expect(created.body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const sent = await callRoute(messages.POST, "POST", "/v1/messages", { key, body: { conversation_id: created.body.id, content: "We have processed your refund.", type: "text" } });
    expect(sent.status).toBe(201);
    expect(sent.body).toEqual({ id: expect.any(String), conversation_id: created.body.id, status: "sent", timestamp: expect.any(Number) });
    expect(Math.abs(sent.body.timestamp - Date.now() / 1000)).toBeLessThan(60);

    const got = await callRoute(one.GET, "GET", `/v1/conversations/${created.body.id}`, { key, params: { id: created.body.id } });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id: created.body.id, status: "open", subject: "Login Issue", tags: ["support", "urgent"] });
    expect(got.body.participants).toEqual([{ type: "user", id: expect.any(String), email: null, name: null }]);

    const listed = await callRoute(conversations.GET, "GET", "/v1/conversations?limit=10&status=open", { key, params: {} });
    expect(listed.status).toBe(200);
    expect(listed.body.meta).toEqual({ total: 1, next_cursor: null });
    expect(listed.body.data).toEqual([
      { id: created.body.id, status: "open", subject: "Login Issue", created_at: created.body.created_at, last_message: { id: sent.body.id, text: "We have processed your refund." } },
    ]);

    await callRoute(users.PATCH, "PATCH", "/v1/users/u_9921", { key, params: { id: "u_9921" }, body: { email: "jane@example.com" } });
    const patched = await callRoute(users.PATCH, "PATCH", "/v1/users/u_9921", { key, params: { id: "u_9921" }, body: { custom_attributes: { plan: "enterprise", ltv: 1200 } } });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({ id: "u_9921", email: "jane@example.com", custom_attributes: { plan: "enterprise", ltv: 1200 } });
    // Our own id works too, and the answer echoes the id the caller used.
    const byOurs = await callRoute(users.PATCH, "PATCH", "x", { key, params: { id: got.body.requester.id }, body: { custom_attributes: { ltv: null } } });
    expect(byOurs.body).toEqual({ id: got.body.requester.id, email: "jane@example.com", custom_attributes: { plan: "enterprise" } });

    // The OpenAPI document's response schemas (strict) describe exactly these answers.
    v1CreatedConversationSchema.parse(created.body);
    v1MessageSentSchema.parse(sent.body);
    v1ConversationSchema.parse(got.body);
    v1ConversationListSchema.parse(listed.body);
    v1UserSchema.parse(patched.body);
  });

  it("pages with an opaque keyset cursor: every conversation once, newest first, total of the filtered set", async () => {
    const org = await createTestOrg();
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) {
      const res = await callRoute(conversations.POST, "POST", "x", { key: org.serverKey, body: { user_id: `u_${i % 3}`, subject: `Thread ${i}` } });
      ids.unshift(res.body.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const path: string = `/v1/conversations?limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const page = await callRoute(conversations.GET, "GET", path, { key: org.serverKey });
      expect(page.status).toBe(200);
      expect(page.body.meta.total).toBe(23);
      seen.push(...page.body.data.map((c: { id: string }) => c.id));
      cursor = page.body.meta.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(ids);

    const closedOnly = await callRoute(conversations.GET, "GET", "/v1/conversations?status=closed", { key: org.serverKey });
    expect(closedOnly.body).toEqual({ data: [], meta: { total: 0, next_cursor: null } });
    const bad = await callRoute(conversations.GET, "GET", "/v1/conversations?cursor=not-a-cursor", { key: org.serverKey });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("validation_error");
  });

  it("has /api/v1's errors, idempotency and rate-limit headers", async () => {
    const org = await createTestOrg();
    const key = org.serverKey;
    const missing = await callRoute(conversations.POST, "POST", "x", { key, body: { subject: "no user" } });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: "validation_error", message: "user_id is required" });
    expect((await callRoute(conversations.POST, "POST", "x", { key, body: { user_id: "u1", admin: true } })).status).toBe(400);
    expect((await callRoute(conversations.GET, "GET", "x", {})).status).toBe(401);
    expect((await callRoute(users.PATCH, "PATCH", "x", { key, params: { id: "nobody" }, body: { email: "n@example.com" } })).body.error.code).toBe("not_found");
    // Two users cannot share an email: the second PATCH is a clear 409, and PATCH never creates.
    await callRoute(conversations.POST, "POST", "x", { key, body: { user_id: "dup_a" } });
    await callRoute(conversations.POST, "POST", "x", { key, body: { user_id: "dup_b" } });
    expect((await callRoute(users.PATCH, "PATCH", "x", { key, params: { id: "dup_a" }, body: { email: "same@example.com" } })).status).toBe(200);
    const taken = await callRoute(users.PATCH, "PATCH", "x", { key, params: { id: "dup_b" }, body: { email: "same@example.com" } });
    expect([taken.status, taken.body.error.code]).toEqual([409, "conflict"]);
    expect((await callRoute(users.PATCH, "PATCH", "x", { key, params: { id: "dup_b" }, body: { admin: true } })).status).toBe(400);
    expect((await callRoute(one.GET, "GET", "x", { key, params: { id: "conv_991ms" } })).status).toBe(404);
    expect((await callRoute(messages.POST, "POST", "x", { key, body: { conversation_id: "conv_892ns", content: "hi" } })).status).toBe(404);

    const conv = await callRoute(conversations.POST, "POST", "x", { key, body: { user_id: "u1", subject: "Idempotent" } });
    const headers = { "idempotency-key": "msg-1" };
    const first = await callRoute(messages.POST, "POST", "x", { key, headers, body: { conversation_id: conv.body.id, content: "once" } });
    const again = await callRoute(messages.POST, "POST", "x", { key, headers, body: { conversation_id: conv.body.id, content: "once" } });
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const reused = await callRoute(messages.POST, "POST", "x", { key, headers, body: { conversation_id: conv.body.id, content: "twice" } });
    expect(reused.status).toBe(422);
    expect(first.headers.get("ratelimit-limit")).toBe("600");
  });

  it("a client key acts as its verified end user: own conversations only, no private notes, no user PATCH", async () => {
    const org = await createTestOrg();
    const email = "x@example.com";
    const idHeaders = { "x-dexra-user-email": email, "x-dexra-user-hash": hmac(org.identitySecret, email) };
    const theirs = await callRoute(conversations.POST, "POST", "x", { key: org.serverKey, body: { user_id: "someone-else", subject: "Not x's" } });
    const first = await callRoute(conversations.POST, "POST", "x", { key: org.serverKey, body: { user_id: "x-ext", subject: "x's first" } });
    await callRoute(users.PATCH, "PATCH", "x", { key: org.serverKey, params: { id: "x-ext" }, body: { email } });

    const mine = await callRoute(conversations.POST, "POST", "x", { key: org.clientKey, headers: idHeaders, body: { user_id: "x-ext", subject: "Mine" } });
    expect(mine.status).toBe(201);
    const impostor = await callRoute(conversations.POST, "POST", "x", { key: org.clientKey, headers: idHeaders, body: { user_id: "someone-else", subject: "Theirs" } });
    expect(impostor.status).toBe(400);
    const noIdentity = await callRoute(conversations.POST, "POST", "x", { key: org.clientKey, body: { user_id: "x-ext" } });
    expect(noIdentity.status).toBe(401);

    const listed = await callRoute(conversations.GET, "GET", "x", { key: org.clientKey, headers: idHeaders });
    expect(listed.body.meta).toEqual({ total: 2, next_cursor: null });
    expect(listed.body.data.map((c: { id: string }) => c.id)).toEqual([mine.body.id, first.body.id]);
    expect((await callRoute(one.GET, "GET", "x", { key: org.clientKey, headers: idHeaders, params: { id: theirs.body.id } })).status).toBe(404);
    const peek = await callRoute(messages.POST, "POST", "x", { key: org.clientKey, headers: idHeaders, body: { conversation_id: theirs.body.id, content: "peek" } });
    expect(peek.status).toBe(404);
    const note = await callRoute(messages.POST, "POST", "x", { key: org.clientKey, headers: idHeaders, body: { conversation_id: mine.body.id, content: "psst", type: "private_note" } });
    expect(note.status).toBe(403);
    const reply = await callRoute(messages.POST, "POST", "x", { key: org.clientKey, headers: idHeaders, body: { conversation_id: mine.body.id, content: "hello" } });
    expect(reply.status).toBe(201);

    // A server key's private note is not the end user's to see, in the list's last_message either.
    await callRoute(messages.POST, "POST", "x", { key: org.serverKey, body: { conversation_id: mine.body.id, content: "internal", type: "private_note" } });
    const again = await callRoute(conversations.GET, "GET", "x", { key: org.clientKey, headers: idHeaders });
    expect(again.body.data[0].last_message).toEqual({ id: reply.body.id, text: "hello" });
    const asServer = await callRoute(conversations.GET, "GET", "x", { key: org.serverKey });
    expect(asServer.body.data.find((c: { id: string }) => c.id === mine.body.id).last_message.text).toBe("internal");

    const patch = await callRoute(users.PATCH, "PATCH", "x", { key: org.clientKey, headers: idHeaders, params: { id: "x-ext" }, body: { email: "z@example.com" } });
    expect(patch.status).toBe(403);

    // One conversation, as the end user sees it: no tags or team, agents by name only, a note's author not at all.
    await callRoute(messages.POST, "POST", "x", { key: org.serverKey, body: { conversation_id: mine.body.id, content: "noted", type: "private_note", user_email: org.owner.email } });
    const seen = await callRoute(one.GET, "GET", "x", { key: org.clientKey, headers: idHeaders, params: { id: mine.body.id } });
    expect(seen.status).toBe(200);
    expect(seen.body).not.toHaveProperty("tags");
    expect(seen.body).not.toHaveProperty("team");
    expect(seen.body.participants).toEqual([{ type: "user", id: seen.body.requester.id, email, name: null }]);
  });

  it("participants: the requester, then every agent who wrote (the API identity is not an agent)", async () => {
    const org = await createTestOrg();
    const conv = await callRoute(conversations.POST, "POST", "x", { key: org.serverKey, body: { user_id: "p1", subject: "Who" } });
    await callRoute(messages.POST, "POST", "x", { key: org.serverKey, body: { conversation_id: conv.body.id, content: "from the API" } });
    await callRoute(messages.POST, "POST", "x", { key: org.serverKey, body: { conversation_id: conv.body.id, content: "from Olive", user_email: org.owner.email } });
    const got = await callRoute(one.GET, "GET", "x", { key: org.serverKey, params: { id: conv.body.id } });
    expect(got.body.participants).toEqual([
      { type: "user", id: got.body.requester.id, email: null, name: null },
      { type: "agent", id: org.owner.id, email: org.owner.email, name: "Olive Owner" },
    ]);
  });
});

describe("/v1 across tenants", () => {
  it("org A's key on org B's conversation id in a body → 404, nothing written", async () => {
    const a = await createTestOrg("A");
    const b = await createTestOrg("B");
    const convB = await callRoute(conversations.POST, "POST", "x", { key: b.serverKey, body: { user_id: "b1", subject: "B's" } });
    const res = await callRoute(messages.POST, "POST", "x", { key: a.serverKey, body: { conversation_id: convB.body.id, content: "hi", type: "private_note" } });
    expect(res.status).toBe(404);
    const got = await callRoute(one.GET, "GET", "x", { key: b.serverKey, params: { id: convB.body.id } });
    expect(got.body.participants).toHaveLength(1);
    const listA = await callRoute(conversations.GET, "GET", "x", { key: a.serverKey });
    expect(listA.body.meta.total).toBe(0);
    // The sandbox key of B sees nothing of B's live data.
    expect((await callRoute(one.GET, "GET", "x", { key: b.testServerKey, params: { id: convB.body.id } })).status).toBe(404);
  });
});
