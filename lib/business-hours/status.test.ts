import { describe, expect, it } from "vitest";
import { businessHoursStatusAt } from "./status";

const nineToFive = { open: "09:00", close: "17:00" };
const weekdays = { mon: [nineToFive], tue: [nineToFive], wed: [nineToFive], thu: [nineToFive], fri: [nineToFive], sat: [], sun: [] };

describe("businessHoursStatusAt", () => {
  it("open inside hours (closing time next), closed outside (next opening), in the organization's zone", () => {
    const schedule = { businessHours: weekdays, holidays: [], timeZone: "Europe/Berlin" };
    // Monday 2026-11-30 10:00 in Berlin (UTC+1) = 09:00Z.
    expect(businessHoursStatusAt(schedule, new Date("2026-11-30T09:00:00Z"))).toEqual({ open: true, next_change_at: "2026-11-30T16:00:00.000Z" });
    // Friday evening → Monday 09:00 Berlin.
    expect(businessHoursStatusAt(schedule, new Date("2026-12-04T17:30:00Z"))).toEqual({ open: false, next_change_at: "2026-12-07T08:00:00.000Z" });
  });

  it("skips holidays and follows daylight saving time", () => {
    const schedule = { businessHours: weekdays, holidays: ["2026-12-25"], timeZone: "Europe/Berlin" };
    expect(businessHoursStatusAt(schedule, new Date("2026-12-24T20:00:00Z"))).toEqual({ open: false, next_change_at: "2026-12-28T08:00:00.000Z" });
    // Summer (UTC+2): Monday 2026-06-01 09:00 Berlin = 07:00Z.
    expect(businessHoursStatusAt({ ...schedule, holidays: [] }, new Date("2026-06-01T06:00:00Z"))).toEqual({ open: false, next_change_at: "2026-06-01T07:00:00.000Z" });
  });

  it("no schedule means always open", () => {
    expect(businessHoursStatusAt({ businessHours: null, holidays: [], timeZone: "UTC" }, new Date())).toEqual({ open: true, next_change_at: null });
  });
});
