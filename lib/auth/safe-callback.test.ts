import { describe, expect, it } from "vitest";
import { safeCallback } from "./safe-callback";

describe("safeCallback", () => {
  it.each([
    ["/settings/tags?x=1", "/settings/tags?x=1"],
    ["/inbox/conversations/12#m3", "/inbox/conversations/12#m3"],
    ["/inbox/../settings", "/settings"],
    ["/./inbox", "/inbox"],
  ])("keeps the same-site path %s as %s", (value, expected) => expect(safeCallback(value)).toBe(expected));

  it.each([
    "https://evil.example/",
    "//evil.example/",
    "///evil.example/",
    "/\\evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/..//evil.example/phish",
    "/inbox//evil.example",
    "/../..//evil.example/phish",
    "/.//evil.example",
    "/./..//evil.example",
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "/%5C/evil.example",
    "/%5c%5cevil.example",
    "/%2e%2e//evil.example",
    "/%2e%2e%2f%2fevil.example",
    "/%09/evil.example",
    "/%E0%A4%A",
    " /x",
    "javascript:alert(1)",
    "http:/evil.example",
    "",
    null,
    42,
  ])("sends %j to the inbox instead (no open redirect)", (value) => {
    expect(safeCallback(value)).toBe("/inbox");
  });

  it("never answers a path a browser would read as another host", () => {
    const pieces = ["/", "//", "\\", ".", "..", "%2f", "%5c", "%2e", "evil.example", "\t", "@", ":"];
    for (const a of pieces) for (const b of pieces) for (const c of pieces) {
      const result = safeCallback(`/${a}${b}${c}`);
      expect(new URL(result, "https://dexra.test").host).toBe("dexra.test");
      expect(result).toMatch(/^\/(?![/\\])/);
    }
  });
});
