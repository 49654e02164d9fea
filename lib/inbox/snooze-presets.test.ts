import { describe, expect, it } from "vitest";
import { snoozePresets } from "./snooze-presets";

describe("snooze presets", () => {
  it("are distinct moments on every day of the week and at any hour", () => {
    for (let day = 0; day < 7; day++) {
      for (const hour of [0, 5, 9, 17, 23]) {
        const now = new Date(2026, 10, 29 + day, hour, 30);
        const presets = snoozePresets(now);
        const hours = presets.map((p) => Math.round(p.until.getTime() / 3_600_000));
        expect(new Set(hours).size, now.toString()).toBe(presets.length);
        expect(new Set(presets.map((p) => p.label)).size).toBe(presets.length);
        expect(presets.every((p) => p.until > now)).toBe(true);
        expect(presets.length).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it("leaves out next Monday on a Monday, when it is the same as in a week", () => {
    const monday = new Date(2026, 10, 30, 10, 0);
    expect(monday.getDay()).toBe(1);
    expect(snoozePresets(monday).map((p) => p.label)).toEqual(["In 1 hour", "In 4 hours", "Tomorrow, 9:00", "Next Monday, 9:00"]);
  });
});
