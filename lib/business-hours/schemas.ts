import { z } from "zod";
import { checkboxSchema } from "../settings/parse";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

// One opening interval per day keeps the form simple; stored as a list so split shifts can come later.
const daySchema = z
  .object({ enabled: checkboxSchema, open: z.string().default(""), close: z.string().default("") })
  .superRefine((day, ctx) => {
    if (!day.enabled) return;
    if (!TIME.test(day.open)) ctx.addIssue({ code: "custom", path: ["open"], message: "use HH:MM" });
    if (!TIME.test(day.close)) ctx.addIssue({ code: "custom", path: ["close"], message: "use HH:MM" });
    else if (TIME.test(day.open) && day.close <= day.open) ctx.addIssue({ code: "custom", path: ["close"], message: "must be after the opening time" });
  });

const closedByDefault = () => daySchema.default({ enabled: false, open: "", close: "" });

const isRealDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};

/** Holidays: YYYY-MM-DD dates in the organization's time zone; one per line from the form. */
const holidaysSchema = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/[\s,]+/).filter(Boolean) : v),
  z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "dates look like 2026-12-25").refine(isRealDate, "not a real date")).max(366, "at most 366 holidays"),
);

export const businessHoursSchema = z.object({
  enabled: checkboxSchema,
  days: z.object(
    Object.fromEntries(WEEKDAYS.map((d) => [d, closedByDefault()])) as Record<Weekday, ReturnType<typeof closedByDefault>>,
  ).prefault({}),
  holidays: holidaysSchema.default([]),
});
export type BusinessHoursInput = z.input<typeof businessHoursSchema>;
