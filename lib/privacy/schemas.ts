import { z } from "zod";

export const anonymizeSchema = z.strictObject({
  force: z.boolean().default(false).describe("Close open conversations first (otherwise 409)"),
});

/** Days after closing; empty (the form) or null turns retention off. */
export const retentionSchema = z.object({
  anonymize_closed_after_days: z.preprocess(
    (v) => (v === "" || v === undefined ? null : v),
    z.coerce.number({ message: "a number of days" }).int("whole days").min(1, "at least 1 day").max(3650, "at most 3650 days").nullable(),
  ),
});
