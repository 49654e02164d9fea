import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rows } from "@/db/client";
import { callRoute } from "@/lib/api/testing/call-route";
import { receiveEmail } from "@/lib/channels/receive-email";
import { mergeConversation } from "@/lib/conversations/merge-conversation";
import { composeMail } from "@/lib/testing/smtp-catcher";
import { createTestOrg } from "@/lib/testing/test-org";
import { createVerifiedChannel, verifyChannelAsMailboxOwner } from "@/lib/testing/verified-channel";
import * as one from "./channels/[id]/route";
import * as channels from "./channels/route";
import * as inbound from "./inbound/email/route";

const address = () => `help-${randomUUID().slice(0, 8)}@acme.test`;

async function postMail(key: string, raw: Buffer, headers: Record<string, string> = {}) {
  const request = new Request("http://localhost:3000/api/v1/inbound/email/", {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "message/rfc822", ...headers },
    body: new Uint8Array(raw),
  });
  const response = await inbound.POST(request, { params: Promise.resolve({}) } as never);
  return { status: response.status, body: await response.json() };
}

describe("/api/v1/channels/", () => {
  it("creates, lists (first is default), refuses a duplicate address anywhere, deletes", async () => {
    const org = await createTestOrg();
    const other = await createTestOrg();
    const third = await createTestOrg();
    const a = address();
    const created = await callRoute(channels.POST, "POST", "/api/v1/channels/", { key: org.serverKey, body: { type: "email", address: a.toUpperCase(), name: "Help" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: "email", address: a, name: "Help", is_default: true });
    const second = await callRoute(channels.POST, "POST", "/api/v1/channels/", { key: org.serverKey, body: { address: address(), name: "Sales" } });
    expect(second.body.is_default).toBe(false);
    expect(created.body).toMatchObject({ status: "pending", verified_at: null, verification: { error: null } });
    // Pending: another organization may also try to prove the address; once one verifies it, nobody else can add it.
    const rival = await callRoute(channels.POST, "POST", "/api/v1/channels/", { key: other.serverKey, body: { type: "email", address: a, name: "Mine" } });
    expect([rival.status, rival.body.status]).toEqual([201, "pending"]);
    await verifyChannelAsMailboxOwner(org.ctx, created.body.id);
    const dup = await callRoute(channels.POST, "POST", "/api/v1/channels/", { key: third.serverKey, body: { type: "email", address: a, name: "Mine" } });
    expect([dup.status, dup.body.error.code, dup.body.error.message]).toEqual([409, "conflict", `${a} is already verified by another organization`]);
    const again = await callRoute(channels.POST, "POST", "/api/v1/channels/", { key: org.serverKey, body: { type: "email", address: a, name: "Twice" } });
    expect([again.status, again.body.error.code]).toEqual([409, "conflict"]);
    for (const body of [{ type: "sms", address: address(), name: "x" }, { address: "not-an-email", name: "x" }, { address: "a+b@acme.test", name: "x" }, { address: address() }]) {
      const bad = await callRoute(channels.POST, "POST", "/api/v1/channels/", { key: org.serverKey, body });
      expect([bad.status, bad.body.error.code]).toEqual([400, "validation_error"]);
    }
    const list = await callRoute(channels.GET, "GET", "/api/v1/channels/", { key: org.serverKey });
    expect(list.body.count).toBe(2);
    expect(list.body.results[0]).toMatchObject({ status: "verified", verification: null, is_default: true });
    expect((await callRoute(channels.GET, "GET", "/api/v1/channels/", { key: org.clientKey })).status).toBe(403);
    expect((await callRoute(one.DELETE, "DELETE", "/", { key: other.serverKey, params: { id: created.body.id } })).status).toBe(404);
    expect((await callRoute(one.DELETE, "DELETE", "/", { key: org.serverKey, params: { id: created.body.id } })).body).toEqual({ id: created.body.id, deleted: true });
    expect((await callRoute(channels.GET, "GET", "/api/v1/channels/", { key: org.serverKey })).body.results[0].is_default).toBe(true);
  });
});

describe("POST /api/v1/inbound/email/", () => {
  it("stores raw mail for the key's organization only; HTML becomes text; duplicates say so", async () => {
    const org = await createTestOrg();
    const other = await createTestOrg();
    const a = address();
    const b = address();
    await createVerifiedChannel(org.ctx, { address: a, name: "A" });
    await createVerifiedChannel(other.ctx, { address: b, name: "B" });
    const raw = await composeMail({
      from: "Gil <gil@customer.test>",
      to: a,
      subject: "HTML please",
      messageId: `<html-${randomUUID()}@customer.test>`,
      html: `<p>Hello <b>team</b>,</p><script>alert(1)</script><p>see <a href="http://127.0.0.1:9/x">the page</a></p><img src="http://127.0.0.1:9/tracker.gif"><blockquote>old</blockquote>`,
    });
    const stored = await postMail(org.serverKey, raw);
    expect(stored).toMatchObject({ status: 202, body: { status: "stored", conversation_id: expect.any(String) } });
    const [message] = await rows<{ body: string }>(sql`select body from messages where conversation_id = ${stored.body.conversation_id}`);
    expect(message!.body).toContain("Hello team");
    expect(message!.body).toContain("the page [http://127.0.0.1:9/x]");
    expect(message!.body).not.toMatch(/<|alert|tracker/);
    expect((await postMail(org.serverKey, raw)).body).toMatchObject({ status: "duplicate", conversation_id: stored.body.conversation_id });
    // Another organization's key cannot deliver into this organization's channel.
    const foreign = await postMail(other.serverKey, raw);
    expect([foreign.status, foreign.body.error.code]).toEqual([422, "channel_not_configured"]);
    expect((await postMail(org.serverKey, raw, { "content-type": "text/plain" })).status).toBe(400);
    expect((await postMail(org.clientKey, raw)).status).toBe(403);
  });

  it("a reply to a merged conversation lands in its target; a reply to a deleted one starts a new conversation", async () => {
    const org = await createTestOrg();
    const a = address();
    await createVerifiedChannel(org.ctx, { address: a, name: "A" });
    const ids = [`<m1-${randomUUID()}@c.test>`, `<m2-${randomUUID()}@c.test>`];
    const [first] = await receiveEmail(await composeMail({ from: "hal@c.test", to: a, subject: "One", messageId: ids[0], text: "one" }));
    const [second] = await receiveEmail(await composeMail({ from: "hal@c.test", to: a, subject: "Two", messageId: ids[1], text: "two" }));
    await mergeConversation(org.ctx, second!.conversationId, { into: first!.conversationId });
    const [reply] = await receiveEmail(await composeMail({ from: "hal@c.test", to: a, subject: "Re: Two", inReplyTo: ids[1], references: [ids[1]!], text: "about two" }));
    expect(reply!.conversationId).toBe(first!.conversationId);
    await rows(sql`delete from conversations where id = ${first!.conversationId}`);
    const [late] = await receiveEmail(await composeMail({ from: "hal@c.test", to: a, subject: "Re: One", inReplyTo: ids[0], references: [ids[0]!], text: "still there?" }));
    expect(late).toMatchObject({ status: "stored", created: true });
    expect(late!.conversationId).not.toBe(first!.conversationId);
  });
});
