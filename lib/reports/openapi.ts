import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { json, registerOperation } from "../openapi/common";
import { CSV_COLUMNS } from "./csv";
import { reportFiltersSchema, timeseriesSchema } from "./schemas";

const seconds = z.number().int().nullable();
const percentiles = z.strictObject({ median: seconds, p90: seconds });
const range = {
  from: z.iso.datetime().meta({ description: "Start of the range (inclusive)" }),
  to: z.iso.datetime().meta({ description: "End of the range (exclusive)" }),
  time_zone: z.string().meta({ description: "The time zone dates and day buckets were read in" }),
};

export const reportSummaryResponseSchema = z
  .strictObject({
    conversations_created: z.number().int(),
    conversations_resolved: z.number().int().meta({ description: "Conversations resolved in the range (each once, however often)" }),
    first_response_seconds: percentiles.meta({ description: "First outbound reply (not a note) after creation" }),
    resolution_seconds: percentiles.meta({ description: "Creation to each conversation's last resolution in the range" }),
    csat: z.strictObject({ responses: z.number().int(), average: z.number().nullable(), satisfied_pct: z.number().nullable().meta({ description: "Share of ratings 4 or 5" }) }),
    sla: z
      .strictObject({
        applicable: z.number().int().meta({ description: "Conversations created in the range under an SLA policy" }),
        breached: z.number().int().meta({ description: "Of those, the ones that missed a target in the range (never more than applicable)" }),
      })
      .meta({ description: "SLA attainment is 1 − breached / applicable" }),
    ...range,
    business_hours: z.boolean(),
  })
  .meta({ id: "ReportSummary" });

export const reportTimeseriesResponseSchema = z
  .strictObject({
    metric: timeseriesSchema.shape.metric.removeDefault(),
    interval: z.enum(["day", "hour"]),
    ...range,
    points: z.array(z.strictObject({ start: z.iso.datetime(), value: z.number().nullable() })),
  })
  .meta({ id: "ReportTimeseries" });

const FILTERS =
  "`from`/`to`: ISO 8601 timestamps, or `YYYY-MM-DD` dates in the organization's time zone (or `time_zone`); `to` is exclusive; " +
  "default the last 7 days. `business_hours=true` measures durations in the organization's business hours.";

export function registerReportPaths(registry: OpenAPIRegistry) {
  const tags = ["Reports"];
  registerOperation(registry, {
    method: "get", path: "/api/v1/reports/summary/", tags, keys: ["server"], summary: "Report summary",
    description: FILTERS, request: { query: reportFiltersSchema },
    success: { 200: json(reportSummaryResponseSchema, "The headline numbers") },
  });
  registerOperation(registry, {
    method: "get", path: "/api/v1/reports/timeseries/", tags, keys: ["server"], summary: "Report time series",
    description: `${FILTERS} One point per day or hour of the range; counts add up to the summary.`, request: { query: timeseriesSchema },
    success: { 200: json(reportTimeseriesResponseSchema, "The points") },
  });
  registerOperation(registry, {
    method: "get", path: "/api/v1/reports/conversations.csv/", tags, keys: ["server"], summary: "Report conversations (CSV)",
    description: `${FILTERS} One row per conversation created, first answered, resolved, reopened, rated or breached in the range (also served without the trailing slash). Columns: ${CSV_COLUMNS.join(", ")}.`,
    request: { query: reportFiltersSchema },
    success: { 200: { description: "text/csv", content: { "text/csv": { schema: z.string() } } } },
  });
}
