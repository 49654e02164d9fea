import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isOriginAllowed } from "@/lib/api/cors";
import { callRoute } from "@/lib/api/testing/call-route";
import { getOrganizationSettings, updateOrganization } from "@/lib/organizations/manage-organization";
import { createTestOrg } from "@/lib/testing/test-org";
import * as create from "./conversations/create/route";
import * as list from "./conversations/route";

const hmac = (secret: string, email: string) => createHmac("sha256", secret).update(email).digest("hex");

async function orgAllowing(origins: string[]) {
  const org = await createTestOrg();
  await updateOrganization(org.ctx, { name: "CORS org", timeZone: "UTC", rateLimitPerMinute: 600, allowedOrigins: origins.join("\n") });
  const identity = { "x-dexra-user-email": "v@example.com", "x-dexra-user-hash": hmac(org.identitySecret, "v@example.com") };
  return { ...org, identity };
}

describe("CORS for the public API", () => {
  it("a server key is refused from any browser origin (403 JSON), and works without one", async () => {
    const { serverKey } = await orgAllowing([]);
    const fromBrowser = await callRoute(list.GET, "GET", "/api/v1/conversations/", { key: serverKey, headers: { origin: "https://shop.example.com" } });
    expect(fromBrowser.status).toBe(403);
    expect(fromBrowser.body.error).toMatchObject({ code: "forbidden", message: expect.stringMatching(/browser/) });
    expect(fromBrowser.headers.get("access-control-allow-origin")).toBe("https://shop.example.com");
    const fromServer = await callRoute(create.POST, "POST", "x", { key: serverKey, body: { subject: "server side" } });
    expect(fromServer.status).toBe(201);
  });

  it("a client key works from an allowed origin (with CORS headers) and is refused from others", async () => {
    const { clientKey, identity } = await orgAllowing(["https://shop.example.com", "*.example.org"]);
    for (const origin of ["https://shop.example.com", "https://help.example.org"]) {
      const res = await callRoute(list.GET, "GET", "/api/v1/conversations/", { key: clientKey, headers: { ...identity, origin } });
      expect(res.status, origin).toBe(200);
      expect(res.headers.get("access-control-allow-origin")).toBe(origin);
      expect(res.headers.get("access-control-expose-headers")).toContain("ratelimit-remaining");
    }
    for (const origin of ["https://evil.example", "http://shop.example.com", "https://example.org.evil.example", "null"]) {
      const res = await callRoute(list.GET, "GET", "/api/v1/conversations/", { key: clientKey, headers: { ...identity, origin } });
      expect(res.status, origin).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
    // The app's own origin (the widget's iframe) is always allowed.
    const self = await callRoute(list.GET, "GET", "/api/v1/conversations/", { key: clientKey, headers: { ...identity, origin: "http://localhost:3000", host: "localhost:3000" } });
    expect(self.status).toBe(200);
    // Not from a browser (no Origin): a client key still works, as from the widget's server-rendered pages or a mobile app.
    expect((await callRoute(list.GET, "GET", "/api/v1/conversations/", { key: clientKey, headers: identity })).status).toBe(200);
  });

  it("the preflight answers the methods and headers a browser may send", async () => {
    const res = await create.OPTIONS(
      new Request("http://localhost/api/v1/conversations/create/", {
        method: "OPTIONS",
        headers: { origin: "https://shop.example.com", "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" },
      }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("https://shop.example.com");
    expect(res.headers.get("access-control-allow-methods")).toBe("OPTIONS, POST");
    expect(res.headers.get("access-control-allow-headers")).toMatch(/authorization.*content-type.*idempotency-key.*x-dexra-user-hash/);
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("allowed origins are an organization setting, validated line by line", async () => {
    const org = await orgAllowing(["shop.example.com", "https://app.example.com/"]);
    expect((await getOrganizationSettings(org.ctx)).allowedOrigins).toEqual(["shop.example.com", "https://app.example.com/"]);
    await expect(updateOrganization(org.ctx, { name: "x", timeZone: "UTC", rateLimitPerMinute: 1, allowedOrigins: "javascript:alert(1)" })).rejects.toThrow(/origin/);
    expect(isOriginAllowed(["shop.example.com"], "https://shop.example.com")).toBe(true);
    expect(isOriginAllowed(["https://app.example.com/"], "https://app.example.com")).toBe(true);
    expect(isOriginAllowed(["*.example.com"], "https://example.com.evil.test")).toBe(false);
  });
});
