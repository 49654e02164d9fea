import { z } from "zod";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `from`/`to`: an ISO 8601 timestamp, or a YYYY-MM-DD date read in the report's time zone. */
const boundary = z
  .string()
  .refine((v) => (DATE.test(v) ? !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) : /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v))), {
    message: "use an ISO 8601 timestamp or a YYYY-MM-DD date",
  });

const flag = z.preprocess((v) => (v === "" || v === undefined ? undefined : v === true || v === "true" || v === "1" || v === "on"), z.boolean().default(false));

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** The filters every report shares (API query string, the Reports page's URL). */
export const reportFiltersSchema = z.strictObject({
  from: boundary.optional(),
  to: boundary.optional(),
  // `none`: the work of no team / no agent (the tables' "No team" and "Unassigned" rows drill down to it).
  team: z.union([z.uuid(), z.literal("none")], { message: "not a valid team id (or none)" }).optional(),
  agent: z.union([z.uuid(), z.literal("none")], { message: "not a valid agent id (or none)" }).optional(),
  business_hours: flag,
  // Defaults to the organization's time zone; days in `from`/`to` and day buckets are read in it.
  time_zone: z.string().refine(isTimeZone, "unknown time zone").optional(),
});
export type ReportFiltersInput = z.input<typeof reportFiltersSchema>;
export type ReportFilters = z.output<typeof reportFiltersSchema>;

export const TIMESERIES_METRICS = [
  "conversations_created",
  "conversations_resolved",
  "first_response_seconds",
  "resolution_seconds",
  "csat_average",
] as const;

export const timeseriesSchema = reportFiltersSchema.extend({
  metric: z.enum(TIMESERIES_METRICS).default("conversations_created"),
  interval: z.enum(["day", "hour"]).default("day"),
});
export type TimeseriesInput = z.input<typeof timeseriesSchema>;

/** What a drill-down lists: the conversations behind one number of the summary. */
export const DRILLDOWN_METRICS = ["created", "resolved", "first_response", "rated", "satisfied", "sla_breached"] as const;
const slotPart = (max: number) => z.coerce.number({ message: "a whole number" }).int("a whole number").min(0).max(max).optional();
const instant = z.string().refine((v) => /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)), { message: "use an ISO 8601 timestamp" }).optional();
/**
 * `weekday` (0 = Sunday) and `hour`, local to the report's time zone: one cell of the busiest-hours heatmap.
 * `occurred_from`/`occurred_to`: one bar of the chart, the instants its facts happened in. A window, not a narrower
 * range: which resolution or rating is a conversation's last one still depends on the whole range (as in the bar).
 */
export const drilldownSchema = reportFiltersSchema
  .extend({ metric: z.enum(DRILLDOWN_METRICS), weekday: slotPart(6), hour: slotPart(23), occurred_from: instant, occurred_to: instant })
  .refine((d) => (d.weekday === undefined) === (d.hour === undefined), { path: ["hour"], message: "weekday and hour go together" })
  .refine((d) => (d.occurred_from === undefined) === (d.occurred_to === undefined), { path: ["occurred_to"], message: "occurred_from and occurred_to go together" })
  .refine((d) => d.occurred_from === undefined || d.occurred_to === undefined || Date.parse(d.occurred_from) < Date.parse(d.occurred_to), {
    path: ["occurred_from"],
    message: "occurred_from must be before occurred_to",
  })
  .refine((d) => d.weekday === undefined || d.metric === "created", { path: ["weekday"], message: "a weekday and hour narrow only the created conversations" });
