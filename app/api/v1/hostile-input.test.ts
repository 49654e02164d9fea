import { eq } from "drizzle-orm";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { conversations } from "@/db/schema";
import { callRoute } from "@/lib/api/testing/call-route";
import { decodeCursor, encodeCursor } from "@/lib/inbox/cursor";
import { createTestOrg } from "@/lib/testing/test-org";
import * as one from "./conversations/[id]/route";
import * as snooze from "./conversations/[id]/snooze/route";
import * as create from "./conversations/create/route";
import * as list from "./conversations/route";
import * as users from "./users/route";

const deep = (levels: number) => "[".repeat(levels) + "]".repeat(levels);

describe("hostile input is a 400 JSON error, never a 500", () => {
  it("a lone UTF-16 surrogate anywhere in the body (value or key) is refused and stores nothing", async () => {
    const { serverKey, orgId } = await createTestOrg();
    // JSON.stringify escapes a lone surrogate as \ud800: the text on the wire is what an attacker sends.
    for (const body of [{ subject: "a\ud800b" }, { subject: "ok", metadata: { "k\udc00": 1 } }, { subject: "ok", metadata: { a: ["x\udbff"] } }]) {
      const res = await callRoute(create.POST, "POST", "x", { key: serverKey, body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("validation_error");
      expect(res.body.error.message).toMatch(/surrogate/);
    }
    // A well-formed pair (an emoji written as two escapes) is ordinary text.
    const ok = await callRoute(create.POST, "POST", "x", { key: serverKey, body: { subject: "smile \ud83d\ude00" } });
    expect(ok.status).toBe(201);
    expect(ok.body.subject).toBe("smile 😀");
    expect(await db.$count(conversations, eq(conversations.organizationId, orgId))).toBe(1);
  });

  it("a lone surrogate in a query string or a signed identity token is refused too", async () => {
    const { serverKey, clientKey, identitySecret } = await createTestOrg();
    const res = await callRoute(users.GET, "GET", "/api/v1/users/?external_id=%ED%A0%80x", { key: serverKey });
    expect(res.status).toBeLessThan(500);
    const jwt = await new SignJWT({ email: "jwt@example.com", custom_attributes: { plan: "a\ud800" } })
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode(identitySecret));
    const viaJwt = await callRoute(create.POST, "POST", "x", { key: clientKey, body: { subject: "hi", user_jwt: jwt } });
    expect(viaJwt.status).toBe(400);
    expect(viaJwt.body.error.message).toMatch(/user_jwt.*surrogate/);
  });

  it("JSON nested 6,000 levels (12 KB) is refused as too deep; 60 levels inside metadata are fine", async () => {
    const { serverKey } = await createTestOrg();
    const res = await callRoute(create.POST, "POST", "x", { key: serverKey, body: `{"subject":"deep","metadata":{"a":${deep(6000)}}}` });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "validation_error", message: expect.stringMatching(/nested deeper than 64/) });
    const fine = await callRoute(create.POST, "POST", "x", { key: serverKey, body: `{"subject":"ok","metadata":{"a":${deep(60)}}}` });
    expect(fine.status).toBe(201);
  });

  it("a snooze to the year 10000 (also by offset) is a 400, and the conversation is unchanged", async () => {
    const { serverKey } = await createTestOrg();
    const created = await callRoute(create.POST, "POST", "x", { key: serverKey, body: { subject: "later" } });
    const params = { id: created.body.id };
    for (const until of ["9999-12-31T23:00:00-05:00", "+010000-01-01T00:00:00Z", "0000-01-01T00:00:00Z"]) {
      const res = await callRoute(snooze.POST, "POST", "x", { key: serverKey, params, body: { until } });
      expect(res.status, until).toBe(400);
      expect(res.body.error.code).toBe("validation_error");
      const patched = await callRoute(one.PATCH, "PATCH", "x", { key: serverKey, params, body: { status: "snoozed", snoozed_until: until } });
      expect(patched.status, until).toBe(400);
    }
    const fine = await callRoute(snooze.POST, "POST", "x", { key: serverKey, params, body: { until: "9999-12-31T12:00:00Z" } });
    expect(fine.status).toBe(200);
    expect(fine.body.snoozed_until).toBe("9999-12-31T12:00:00.000Z");
  });

  it("a keyset cursor dated in the year 0 is refused as invalid", () => {
    const id = "00000000-0000-4000-8000-000000000000";
    expect(() => decodeCursor(encodeCursor({ at: "0000-06-01T00:00:00Z", id }))).toThrow(/cursor is invalid/);
    expect(decodeCursor(encodeCursor({ at: "2026-06-01T00:00:00Z", id })).at).toBe("2026-06-01T00:00:00.000Z");
  });

  it("a path segment whose percent-encoding is not UTF-8 is a 400, not a thrown URIError", async () => {
    const { serverKey } = await createTestOrg();
    const params = Promise.reject(new URIError("URI malformed"));
    params.catch(() => {});
    const request = new Request("http://localhost/api/v1/conversations/%C0%80/", { headers: { authorization: `Bearer ${serverKey}` } });
    const res = await one.GET(request, { params });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("validation_error");
  });

  it("a method the route lacks is a JSON 405 naming the allowed ones; OPTIONS lists them", async () => {
    const res = await callRoute(list.DELETE, "DELETE", "/api/v1/conversations/");
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(res.body.error.code).toBe("method_not_allowed");
    const options = await list.OPTIONS(new Request("http://localhost/api/v1/conversations/", { method: "OPTIONS" }), { params: Promise.resolve({}) });
    expect(options.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });
});
