import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as session from "@/app/api/widget/session/route";
import { db } from "@/db/client";
import { endUsers, messages } from "@/db/schema";
import { callRoute } from "../api/testing/call-route";
import { createConversation } from "../conversations/create-conversation";
import { getConversation } from "../conversations/scope";
import { mergeAnonymousEndUser } from "../end-users/merge-anonymous";
import { identifyEndUser } from "../end-users/identify-end-user";
import { createTestOrg } from "../testing/test-org";

const hmac = (secret: string, email: string) => createHmac("sha256", secret).update(email).digest("hex");

describe("widget identity", () => {
  it("moves an anonymous visitor's conversations to the verified user who proves both identities", async () => {
    const org = await createTestOrg();
    const anon = await createConversation({ ...org.ctx, actor: { type: "system", id: null, name: "t" } }, { subject: "Before login", description: "hi", channel: "web" });
    const token = anon.anonymousToken!;
    const email = "amine@example.ma";
    const res = await callRoute(session.POST, "POST", "/api/widget/session", {
      key: org.clientKey,
      headers: { "x-dexra-user-email": email, "x-dexra-user-hash": hmac(org.identitySecret, email), "x-dexra-user-token": token },
      body: { first_name: "Amine", custom_attributes: { plan: "premium" } },
    });
    expect(res.status).toBe(200);
    expect(res.body.merged_conversations).toBe(1);
    expect(res.body.visitor).toMatchObject({ email, first_name: "Amine", verified: true });

    const moved = await getConversation(org.ctx, anon.conversation.id);
    expect(moved.requester).toMatchObject({ id: res.body.visitor.id, email });
    const [first] = await db.select().from(messages).where(eq(messages.conversationId, anon.conversation.id));
    expect(first!.authorEndUserId).toBe(res.body.visitor.id);
    expect(await db.select().from(endUsers).where(eq(endUsers.id, anon.conversation.requester.id))).toEqual([]);
    // The token did its work once: presenting it again adopts nothing.
    expect(await mergeAnonymousEndUser(org.ctx, token, res.body.visitor.id)).toBe(0);
  });

  it("refuses a bad hash and changes nothing", async () => {
    const org = await createTestOrg();
    const anon = await createConversation(org.ctx, { subject: "Anon", channel: "web" });
    const res = await callRoute(session.POST, "POST", "/api/widget/session", {
      key: org.clientKey,
      headers: { "x-dexra-user-email": "victim@example.com", "x-dexra-user-hash": "0".repeat(64), "x-dexra-user-token": anon.anonymousToken! },
      body: {},
    });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/user_hash/);
    expect((await getConversation(org.ctx, anon.conversation.id)).requester.id).toBe(anon.conversation.requester.id);
    expect(await db.select().from(endUsers).where(eq(endUsers.email, "victim@example.com"))).toEqual([]);
  });

  it("keeps an SBUser profile without proof as unverified on the anonymous visitor only", async () => {
    const org = await createTestOrg();
    const verified = await identifyEndUser(org.orgId, { email: "amine@example.ma" });
    const anon = await createConversation(org.ctx, { subject: "Anon", channel: "web" });
    const res = await callRoute(session.POST, "POST", "/api/widget/session", {
      key: org.clientKey,
      headers: { "x-dexra-user-token": anon.anonymousToken! },
      body: { email: "amine@example.ma", first_name: "Amine", custom_attributes: { account_manager: "Sarah" } },
    });
    expect(res.status).toBe(200);
    expect(res.body.visitor).toMatchObject({ first_name: "Amine", email: "amine@example.ma", verified: false });
    const [row] = await db.select().from(endUsers).where(eq(endUsers.id, anon.conversation.requester.id));
    expect(row).toMatchObject({ email: null, unverifiedEmail: "amine@example.ma", isAnonymous: true, firstName: "Amine" });
    // The claimed email grants nothing: the real Amine's profile and history are untouched.
    const [real] = await db.select().from(endUsers).where(eq(endUsers.id, verified.id));
    expect(real!.firstName).toBeNull();
  });

  it("never hands an anonymous visitor to another organization's user", async () => {
    const org = await createTestOrg();
    const anon = await createConversation(org.ctx, { subject: "Anon", description: "x", channel: "web" });
    // A target in another organization is not found inside the transaction: nothing moves.
    const other = await createTestOrg("Other");
    const stranger = await identifyEndUser(other.orgId, { email: "s@example.com" });
    expect(await mergeAnonymousEndUser(org.ctx, anon.anonymousToken!, stranger.id)).toBe(0);
    expect((await getConversation(org.ctx, anon.conversation.id)).requester.id).toBe(anon.conversation.requester.id);
  });
});

describe("widget profile", () => {
  it("keeps a verified visitor identified when the page sends attributes the definitions refuse", async () => {
    const org = await createTestOrg();
    const { createDefinition } = await import("../custom-attributes/definitions");
    await createDefinition(org.ctx, { entity: "end_user", key: "plan", label: "Plan", type: "select", options: ["free", "pro"] });
    const email = "gold@example.com";
    const res = await callRoute(session.POST, "POST", "/api/widget/session", {
      key: org.clientKey,
      headers: { "x-dexra-user-email": email, "x-dexra-user-hash": hmac(org.identitySecret, email) },
      body: { first_name: "Goldie", custom_attributes: { plan: "Gold" } },
    });
    expect(res.status).toBe(200);
    expect(res.body.visitor).toMatchObject({ email, verified: true });
    expect(res.body.profile_error).toContain("plan");
  });
});
