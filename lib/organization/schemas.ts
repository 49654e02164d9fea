import { z } from "zod";

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const updateOrganizationSchema = z.object({
  name: z.string().trim().min(1, "name is required").max(200, "at most 200 characters"),
  timeZone: z.string().trim().min(1, "time zone is required").refine(isTimeZone, "not a known time zone"),
  rateLimitPerMinute: z.coerce
    .number({ message: "a number is required" })
    .int("a whole number is required")
    .min(1, "at least 1 request per minute")
    .max(100_000, "at most 100,000 requests per minute"),
});

export const GRACE_PERIODS = [
  { hours: 0, label: "None: the old secret stops working now" },
  { hours: 1, label: "1 hour" },
  { hours: 24, label: "24 hours" },
  { hours: 72, label: "3 days" },
  { hours: 168, label: "7 days" },
] as const;

export const rotateIdentitySecretSchema = z.object({
  graceHours: z.coerce
    .number()
    .refine((h) => GRACE_PERIODS.some((p) => p.hours === h), "choose one of the grace periods"),
});
