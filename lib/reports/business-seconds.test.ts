import { describe, expect, it } from "vitest";
import type { WeeklyHours } from "@/db/schema";
import { businessSecondsBetween, type Schedule } from "./business-seconds";

const nineToFive = { open: "09:00", close: "17:00" };
const weekdays: WeeklyHours = { mon: [nineToFive], tue: [nineToFive], wed: [nineToFive], thu: [nineToFive], fri: [nineToFive], sat: [], sun: [] };
const berlin: Schedule = { businessHours: weekdays, holidays: [], timeZone: "Europe/Berlin" };
const h = (n: number) => n * 3600;

describe("businessSecondsBetween", () => {
  it("counts only opening hours in the organization's time zone across a weekend", async () => {
    // Friday 2026-11-27 16:00 Berlin (15:00Z) → Monday 2026-11-30 10:30 Berlin (09:30Z): 1 h Friday + 1.5 h Monday.
    const start = new Date("2026-11-27T15:00:00Z");
    const end = new Date("2026-11-30T09:30:00Z");
    expect(await businessSecondsBetween(start, end, berlin)).toBe(h(2.5));
    // The same instants with the schedule in UTC: Friday 15:00-17:00 + Monday 09:00-09:30.
    expect(await businessSecondsBetween(start, end, { ...berlin, timeZone: "UTC" })).toBe(h(2.5));
    // Entirely on a weekend: nothing.
    expect(await businessSecondsBetween(new Date("2026-11-28T08:00:00Z"), new Date("2026-11-29T20:00:00Z"), berlin)).toBe(0);
  });

  it("skips holidays and follows the local clock across a daylight-saving change", async () => {
    // Thursday 2026-12-24 is a holiday: Wed 16:00 → Fri 10:00 Berlin is 1 h Wednesday + 1 h Friday.
    const start = new Date("2026-12-23T15:00:00Z");
    const end = new Date("2026-12-25T09:00:00Z");
    expect(await businessSecondsBetween(start, end, { ...berlin, holidays: ["2026-12-24"] })).toBe(h(2));
    expect(await businessSecondsBetween(start, end, berlin)).toBe(h(10));
    // Berlin leaves summer time on Sunday 2026-10-25: Monday opens at 09:00 local = 08:00Z (not 07:00Z).
    expect(await businessSecondsBetween(new Date("2026-10-26T07:00:00Z"), new Date("2026-10-26T09:00:00Z"), berlin)).toBe(h(1));
  });

  it("is wall-clock time without a schedule, and zero for an empty or reversed span", async () => {
    const always: Schedule = { businessHours: null, holidays: [], timeZone: "UTC" };
    expect(await businessSecondsBetween(new Date("2026-11-28T00:00:00Z"), new Date("2026-11-29T00:00:00Z"), always)).toBe(h(24));
    expect(await businessSecondsBetween(new Date("2026-11-29T00:00:00Z"), new Date("2026-11-28T00:00:00Z"), berlin)).toBe(0);
  });
});
