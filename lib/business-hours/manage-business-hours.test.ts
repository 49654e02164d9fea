import { describe, expect, it } from "vitest";
import { auditCount, createSettingsOrg } from "../settings/test-helpers";
import { getBusinessHours, updateBusinessHours } from "./manage-business-hours";

describe("business hours", () => {
  it("stores a weekly schedule and holidays from form-shaped input, for live and sandbox", async () => {
    const org = await createSettingsOrg();
    await updateBusinessHours(org.admin.ctx, {
      enabled: "on",
      days: { mon: { enabled: "on", open: "09:00", close: "17:30" }, sat: { enabled: "", open: "10:00", close: "12:00" } },
      holidays: "2026-12-25\n2026-01-01 2026-12-25",
    });
    const hours = await getBusinessHours(org.admin.ctx);
    expect(hours.businessHours).toMatchObject({ mon: [{ open: "09:00", close: "17:30" }], tue: [], sat: [] });
    expect(hours.holidays).toEqual(["2026-01-01", "2026-12-25"]);
    const sandbox = await org.session(org.admin.agent.id, true);
    expect((await getBusinessHours(sandbox.ctx)).holidays).toEqual(["2026-01-01", "2026-12-25"]);
    await updateBusinessHours(org.admin.ctx, { enabled: false });
    expect((await getBusinessHours(org.admin.ctx)).businessHours).toBeNull();
  });

  it("refuses a plain agent, closing before opening and impossible dates, changing nothing", async () => {
    const org = await createSettingsOrg();
    const before = await auditCount(org.orgId);
    const monday = { enabled: true, open: "09:00", close: "17:00" };
    await expect(updateBusinessHours(org.agent.ctx, { enabled: true, days: { mon: monday } })).rejects.toMatchObject({ code: "not_found" });
    await expect(updateBusinessHours(org.admin.ctx, { enabled: true, days: { mon: { ...monday, close: "08:00" } } })).rejects.toMatchObject({
      details: [{ path: ["days", "mon", "close"] }],
    });
    await expect(updateBusinessHours(org.admin.ctx, { enabled: true, days: { mon: { ...monday, open: "9am" } } })).rejects.toMatchObject({
      details: [{ path: ["days", "mon", "open"] }],
    });
    await expect(updateBusinessHours(org.admin.ctx, { enabled: true, holidays: ["2026-02-30"] })).rejects.toMatchObject({ code: "validation_error" });
    expect(await getBusinessHours(org.admin.ctx)).toMatchObject({ businessHours: null, holidays: [] });
    expect(await auditCount(org.orgId)).toBe(before);
  });
});
