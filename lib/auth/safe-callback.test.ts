import { describe, expect, it } from "vitest";
import { safeCallback } from "./safe-callback";

describe("safeCallback", () => {
  it("keeps same-site paths", () => {
    expect(safeCallback("/settings/tags?x=1")).toBe("/settings/tags?x=1");
  });

  it.each(["https://evil.example/", "//evil.example/", "/\\evil.example", "/\t/evil.example", " /x", "javascript:alert(1)", "", null, 42])(
    "sends %s to the inbox instead (no open redirect)",
    (value) => expect(safeCallback(value)).toBe("/inbox"),
  );
});
