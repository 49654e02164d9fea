import { describe, expect, it } from "vitest";
import { markdownToPlain } from "./plain-text";

describe("markdownToPlain", () => {
  it("keeps the words and drops the syntax", () => {
    expect(markdownToPlain("## Hello **there**, see [the docs](https://x.example/a) and `npm i`")).toBe("Hello there, see the docs and npm i");
    expect(markdownToPlain("- first\n- _second_\n1. third\n> quoted ~~old~~")).toBe("first second third quoted old");
    expect(markdownToPlain("```js\nconst a = 1;\n```\n![logo](x.png) <b>bold</b>")).toBe("const a = 1; logo bold");
  });

  it("leaves plain text, snake_case and arithmetic alone", () => {
    expect(markdownToPlain("Order 4412 costs 3*4 = 12, field user_id")).toBe("Order 4412 costs 3*4 = 12, field user_id");
    expect(markdownToPlain("We hit 1200/min")).toBe("We hit 1200/min");
  });
});
