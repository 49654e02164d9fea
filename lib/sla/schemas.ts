import { z } from "zod";
import { checkboxSchema } from "../settings/parse";

const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
const optionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.uuid({ message: "not a valid id" }).optional());
/** Minutes from the form (blank = no target), stored as seconds. */
const minutes = z.preprocess(
  (v) => (v === "" || v === null || v === undefined ? undefined : typeof v === "string" ? Number(v) : v),
  z.number({ message: "a number of minutes" }).int("whole minutes").min(1, "at least 1 minute").max(525_600, "at most a year").optional(),
);

/** An SLA policy as the settings form and lib/ take it. */
export const slaPolicySchema = z
  .object({
    name: z.string().trim().min(1, "required").max(100, "at most 100 characters"),
    priority: z.preprocess((v) => (v === "" ? undefined : v), z.enum(PRIORITIES).optional()),
    team_id: optionalId,
    tag_id: optionalId,
    first_response_minutes: minutes,
    next_response_minutes: minutes,
    resolution_minutes: minutes,
    business_hours: checkboxSchema,
    position: z.preprocess((v) => (v === "" || v === undefined ? 0 : Number(v)), z.number().int().min(0).max(1000)),
  })
  .refine((p) => p.first_response_minutes || p.next_response_minutes || p.resolution_minutes, {
    path: ["first_response_minutes"],
    message: "set at least one target",
  });
export const updateSlaPolicySchema = z.intersection(slaPolicySchema, z.object({ id: z.uuid() }));
export const deleteSlaPolicySchema = z.object({ id: z.uuid() });
export type SlaPolicyInput = z.input<typeof slaPolicySchema>;
