import { describe, expect, it } from "vitest";
import { highlightParts } from "./search-terms";

const marked = (text: string, q: string) => highlightParts(text, q).filter((p) => p.hit).map((p) => p.text);

describe("search highlighting", () => {
  it("marks words beginning with a typed word, and stems of longer words", () => {
    expect(marked("Tariq Nguyen", "tar")).toEqual(["Tariq"]);
    expect(marked("Refund for the refunded order", "refunds")).toEqual(["Refund", "refunded"]);
    expect(marked("We hit 1200/min today", "1200/min")).toEqual(["1200", "min"]);
    expect(marked("A star is born", "tar")).toEqual([]);
  });

  it("keeps the text whole, and treats regex characters typed as plain text", () => {
    const parts = highlightParts("Price (USD) 4.99 total", "(usd) 4.99");
    expect(parts.map((p) => p.text).join("")).toBe("Price (USD) 4.99 total");
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(["USD", "4", "99"]);
    expect(highlightParts("anything", "")).toEqual([{ text: "anything", hit: false }]);
  });
});
