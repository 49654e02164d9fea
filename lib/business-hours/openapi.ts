import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { json, registerOperation } from "../openapi/common";
import { businessHoursSchema, WEEKDAYS } from "./schemas";

const day = z.strictObject({ enabled: z.boolean(), open: z.string().meta({ example: "09:00" }), close: z.string().meta({ example: "17:00" }) });

export const businessHoursResponseSchema = z
  .strictObject({
    enabled: z.boolean().meta({ description: "false: always open" }),
    time_zone: z.string(),
    days: z.strictObject(Object.fromEntries(WEEKDAYS.map((d) => [d, day])) as Record<(typeof WEEKDAYS)[number], typeof day>),
    holidays: z.array(z.string()),
  })
  .meta({ id: "BusinessHours" });

export const businessHoursStatusSchema = z
  .strictObject({ open: z.boolean(), next_change_at: z.iso.datetime().nullable().meta({ description: "When it next opens or closes; null when always open" }) })
  .meta({ id: "BusinessHoursStatus" });

export function registerBusinessHoursPaths(registry: OpenAPIRegistry) {
  const tags = ["Business hours"];
  registerOperation(registry, {
    method: "get", path: "/api/v1/business-hours/", tags, keys: ["server"], summary: "Get business hours",
    description: "One opening interval per weekday (HH:MM in the organization's time zone) and holiday dates (YYYY-MM-DD).",
    success: { 200: json(businessHoursResponseSchema, "The schedule") },
  });
  registerOperation(registry, {
    method: "put", path: "/api/v1/business-hours/", tags, keys: ["server"], summary: "Replace business hours",
    description: "The shape GET answers (without `time_zone`, set in Settings → Organization). Audited; emits `business_hours_updated`.",
    request: { body: { content: { "application/json": { schema: businessHoursSchema } } } },
    success: { 200: json(businessHoursResponseSchema, "The schedule") },
  });
  registerOperation(registry, {
    method: "get", path: "/api/v1/business-hours/status/", tags, keys: ["server"], summary: "Open now?",
    success: { 200: json(businessHoursStatusSchema, "Open now, and when that changes") },
  });
}
