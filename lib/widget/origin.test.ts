import { describe, expect, it } from "vitest";
import { availabilityAt } from "./availability";
import { frameAncestors, isOriginAllowed } from "./origin";

describe("allowed domains", () => {
  it("allow every origin when empty, and otherwise only the listed hosts, subdomains and exact origins", () => {
    expect(isOriginAllowed([], "https://anything.example")).toBe(true);
    const allowed = ["shop.example.com", "*.acme.test", "http://localhost:3141"];
    expect(isOriginAllowed(allowed, "https://shop.example.com")).toBe(true);
    expect(isOriginAllowed(allowed, "http://shop.example.com:8080")).toBe(true);
    expect(isOriginAllowed(allowed, "https://evil-shop.example.com")).toBe(false);
    expect(isOriginAllowed(allowed, "https://app.acme.test")).toBe(true);
    expect(isOriginAllowed(allowed, "https://acme.test")).toBe(false);
    expect(isOriginAllowed(allowed, "https://acme.test.evil.com")).toBe(false);
    expect(isOriginAllowed(allowed, "http://localhost:3141")).toBe(true);
    expect(isOriginAllowed(allowed, "http://localhost:3142")).toBe(false);
    expect(isOriginAllowed(allowed, null)).toBe(false);
    expect(isOriginAllowed(allowed, "null")).toBe(false);
    expect(frameAncestors(allowed)).toBe("http://shop.example.com:* https://shop.example.com:* http://*.acme.test:* https://*.acme.test:* http://localhost:3141");
  });
});

describe("availability", () => {
  const weekly = { mon: [{ open: "09:00", close: "17:00" }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
  it("is open inside business hours and names the next opening outside them, in the organization's zone", () => {
    expect(availabilityAt(null, [], "UTC").open).toBe(true);
    expect(availabilityAt(weekly, [], "UTC", new Date("2026-11-30T10:00:00Z")).open).toBe(true); // a Monday
    const away = availabilityAt(weekly, [], "UTC", new Date("2026-11-30T18:00:00Z"));
    expect(away).toEqual({ open: false, message: expect.stringContaining("back Monday at 09:00 (UTC)") });
    expect(availabilityAt(weekly, ["2026-11-30"], "UTC", new Date("2026-11-30T10:00:00Z")).open).toBe(false);
    expect(availabilityAt(weekly, [], "Asia/Tokyo", new Date("2026-11-30T10:00:00Z")).open).toBe(false); // 19:00 in Tokyo
  });
});
