import { describe, expect, it } from "vitest";
import { slaAttainmentPct } from "./sla-attainment";

describe("SLA attainment on the Reports page", () => {
  it("is the share of covered conversations without a breach, to one decimal", () => {
    expect(slaAttainmentPct({ applicable: 200, breached: 9 })).toBe(95.5);
    expect(slaAttainmentPct({ applicable: 3, breached: 1 })).toBe(66.7);
    expect(slaAttainmentPct({ applicable: 10, breached: 0 })).toBe(100);
  });

  it("is empty without covered conversations", () => {
    expect(slaAttainmentPct({ applicable: 0, breached: 0 })).toBeNull();
    expect(slaAttainmentPct({ applicable: 2, breached: 2 })).toBe(0);
  });
});
