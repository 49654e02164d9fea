import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { organizations } from "@/db/schema";
import { callRoute } from "@/lib/api/testing/call-route";
import { createTestOrg } from "@/lib/testing/test-org";
import * as one from "./conversations/[id]/route";
import * as messages from "./conversations/[id]/messages/route";
import * as createMessage from "./conversations/[id]/messages/create/route";
import * as resolve from "./conversations/[id]/resolve/route";
import * as rating from "./conversations/[id]/rating/route";
import * as create from "./conversations/create/route";
import * as list from "./conversations/route";
import * as users from "./users/route";

const hmac = (secret: string, email: string) => createHmac("sha256", secret).update(email).digest("hex");
const identity = (secret: string, email: string) => ({ "x-dexra-user-email": email, "x-dexra-user-hash": hmac(secret, email) });

async function jwt(secret: string, claims: Record<string, unknown>, exp = "5m") {
  return new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setExpirationTime(exp).sign(new TextEncoder().encode(secret));
}

describe("client keys", () => {
  it("act as one verified end user: create, list and read only their own conversations, never notes", async () => {
    const org = await createTestOrg();
    const { clientKey, serverKey, identitySecret } = org;
    const xHeaders = identity(identitySecret, "x@example.com");
    const mine = await callRoute(create.POST, "POST", "x", {
      key: clientKey,
      body: { subject: "From the widget", user_email: "x@example.com", user_hash: hmac(identitySecret, "x@example.com"), description: "hello" },
    });
    expect(mine.status).toBe(201);
    expect(mine.body.requester.email).toBe("x@example.com");
    const theirs = await callRoute(create.POST, "POST", "x", { key: serverKey, body: { subject: "Y's", user_email: "y@example.com" } });
    await callRoute(createMessage.POST, "POST", "x", {
      key: serverKey,
      params: { id: mine.body.id },
      body: { body: "internal only", user_email: org.owner.email, message_type: "note" },
    });

    const listed = await callRoute(list.GET, "GET", "/api/v1/conversations/", { key: clientKey, headers: xHeaders });
    expect(listed.body.results.map((c: { id: string }) => c.id)).toEqual([mine.body.id]);
    const hidden = await callRoute(one.GET, "GET", "x", { key: clientKey, headers: xHeaders, params: { id: theirs.body.id } });
    expect(hidden.status).toBe(404);
    const thread = await callRoute(messages.GET, "GET", "x", { key: clientKey, headers: xHeaders, params: { id: mine.body.id } });
    expect(thread.body.results.map((m: { body: string }) => m.body)).toEqual(["hello"]);
    const replied = await callRoute(createMessage.POST, "POST", "x", { key: clientKey, headers: xHeaders, params: { id: mine.body.id }, body: { body: "any news?" } });
    expect(replied.body).toMatchObject({ sender_email: "x@example.com", direction: "inbound" });
    const note = await callRoute(createMessage.POST, "POST", "x", {
      key: clientKey, headers: xHeaders, params: { id: mine.body.id }, body: { body: "sneaky", message_type: "note" },
    });
    expect(note.status).toBe(400);
    const rated = await callRoute(rating.POST, "POST", "x", { key: clientKey, headers: xHeaders, params: { id: mine.body.id }, body: { score: 5 } });
    expect(rated.status).toBe(201);
  });

  it("get 403 on server-only endpoints and 401 without a valid identity", async () => {
    const { clientKey, identitySecret, serverKey } = await createTestOrg();
    const xHeaders = identity(identitySecret, "x@example.com");
    const conv = await callRoute(create.POST, "POST", "x", { key: serverKey, body: { subject: "s", user_email: "x@example.com" } });
    const params = { id: conv.body.id };
    expect((await callRoute(resolve.POST, "POST", "x", { key: clientKey, headers: xHeaders, params })).status).toBe(403);
    expect((await callRoute(one.PATCH, "PATCH", "x", { key: clientKey, headers: xHeaders, params, body: { priority: "high" } })).body.error.code).toBe("forbidden");
    expect((await callRoute(users.GET, "GET", "x", { key: clientKey, headers: xHeaders })).status).toBe(403);
    const attempts: Record<string, string>[] = [{}, { "x-dexra-user-email": "x@example.com" }, identity("wrong-secret", "x@example.com"), { "x-dexra-user-token": "anon_nope" }];
    for (const headers of attempts) {
      const res = await callRoute(list.GET, "GET", "x", { key: clientKey, headers });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("unauthorized");
    }
    const spoof = await callRoute(create.POST, "POST", "x", { key: clientKey, body: { subject: "spoof", user_email: "ceo@example.com" } });
    expect(spoof.status).toBe(401);
  });

  it("anonymous conversations return a token that identifies the visitor afterwards", async () => {
    const { clientKey } = await createTestOrg();
    const created = await callRoute(create.POST, "POST", "x", { key: clientKey, body: { subject: "Anonymous question" } });
    expect(created.status).toBe(201);
    const token = created.headers.get("x-dexra-user-token")!;
    expect(token).toMatch(/^anon_/);
    const listed = await callRoute(list.GET, "GET", "x", { key: clientKey, headers: { "x-dexra-user-token": token } });
    expect(listed.body.results.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
  });

  it("refuse Idempotency-Key on anonymous requests (a replay could not return the visitor's token)", async () => {
    const { clientKey } = await createTestOrg();
    const res = await callRoute(create.POST, "POST", "x", { key: clientKey, body: { subject: "Anon" }, headers: { "idempotency-key": "k1" } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_error");
  });

  it("a verified end user cannot create a conversation in another email's name", async () => {
    const { clientKey, identitySecret } = await createTestOrg();
    const token = await jwt(identitySecret, { email: "real@example.com" });
    const res = await callRoute(create.POST, "POST", "x", { key: clientKey, body: { subject: "Spoof", user_jwt: token, user_email: "ceo@example.com", description: "hi" } });
    expect(res.status).toBe(400);
    const ok = await callRoute(create.POST, "POST", "x", { key: clientKey, body: { subject: "Real", user_jwt: token, description: "hi" } });
    expect(ok.status).toBe(201);
    expect(ok.body.requester.email).toBe("real@example.com");
  });

  it("accept a signed identity token (HS256) that vouches for name and attributes, and refuse an expired one", async () => {
    const { clientKey, identitySecret, serverKey } = await createTestOrg();
    const token = await jwt(identitySecret, { email: "j@example.com", name: "Jo Jones", custom_attributes: { plan: "gold" } });
    const created = await callRoute(create.POST, "POST", "x", { key: clientKey, body: { subject: "Via JWT", user_jwt: token } });
    expect(created.status).toBe(201);
    expect(created.body.requester).toMatchObject({ email: "j@example.com", first_name: "Jo", last_name: "Jones" });
    const user = await callRoute(users.GET, "GET", "/api/v1/users/?email=j@example.com", { key: serverKey });
    expect(user.body.results[0].custom_attributes).toEqual({ plan: "gold" });
    const expired = await jwt(identitySecret, { email: "j@example.com" }, "-1m");
    expect((await callRoute(list.GET, "GET", "x", { key: clientKey, headers: { "x-dexra-user-jwt": expired } })).status).toBe(401);
    const forged = await jwt("not-the-secret", { email: "j@example.com" });
    expect((await callRoute(list.GET, "GET", "x", { key: clientKey, headers: { "x-dexra-user-jwt": forged } })).status).toBe(401);
  });

  it("accept the previous identity secret until it expires", async () => {
    const { clientKey, identitySecret, orgId } = await createTestOrg();
    const set = (expiresAt: Date) =>
      db.update(organizations).set({ identitySecret: "rotated-secret", previousIdentitySecret: identitySecret, previousIdentitySecretExpiresAt: expiresAt }).where(eq(organizations.id, orgId));
    await set(new Date(Date.now() + 60_000));
    expect((await callRoute(list.GET, "GET", "x", { key: clientKey, headers: identity(identitySecret, "x@example.com") })).status).toBe(200);
    expect((await callRoute(list.GET, "GET", "x", { key: clientKey, headers: identity("rotated-secret", "x@example.com") })).status).toBe(200);
    await set(new Date(Date.now() - 1000));
    expect((await callRoute(list.GET, "GET", "x", { key: clientKey, headers: identity(identitySecret, "x@example.com") })).status).toBe(401);
  });

  it("a client key of org A cannot read org B's conversations", async () => {
    const a = await createTestOrg();
    const b = await createTestOrg();
    const inB = await callRoute(create.POST, "POST", "x", { key: b.serverKey, body: { subject: "B's", user_email: "x@example.com" } });
    const res = await callRoute(one.GET, "GET", "x", { key: a.clientKey, headers: identity(a.identitySecret, "x@example.com"), params: { id: inB.body.id } });
    expect(res.status).toBe(404);
    const listed = await callRoute(list.GET, "GET", "x", { key: a.clientKey, headers: identity(a.identitySecret, "x@example.com") });
    expect(listed.body.count).toBe(0);
  });
});
