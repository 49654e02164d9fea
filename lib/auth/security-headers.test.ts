import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isWidgetPath, newNonce, servedOverHttps } from "./security-headers";

describe("security headers", () => {
  it("pages: scripts only with this request's nonce, never framed, no eval in production", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123", pathname: "/inbox", https: false, dev: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "n", pathname: "/widgets-not", https: true })).toContain("frame-ancestors 'none'");
  });

  it("leaves only the widget's own paths to the widget's policy (lib/widget/messenger-page)", () => {
    expect(["/widget", "/widget.js", "/widget/app.js"].every(isWidgetPath)).toBe(true);
    expect(["/widgets-not", "/inbox", "/settings/widget"].some(isWidgetPath)).toBe(false);
  });

  it("nonces are fresh and long enough", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("knows when it is served over HTTPS", () => {
    expect(servedOverHttps(new Request("http://x.test/", { headers: { "x-forwarded-proto": "https" } }))).toBe(true);
    expect(servedOverHttps(new Request("https://x.test/"))).toBe(true);
    expect(servedOverHttps(new Request("http://x.test/"))).toBe(false);
  });
});
