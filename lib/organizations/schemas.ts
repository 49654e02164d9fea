import { z } from "zod";
import { normalizeOrigin } from "../api/cors";

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const isOriginEntry = (entry: string) => /^(https?:\/\/)?\*\.[a-z0-9.-]+$/i.test(entry) || normalizeOrigin(entry) !== null;

/** One origin per line from the form (or a list from code): `https://shop.example.com` or `*.example.com`. */
export const allowedOriginsSchema = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/\r?\n|,/) : v),
  z
    .array(z.string().trim().max(255))
    .transform((list) => [...new Set(list.filter(Boolean))])
    .pipe(z.array(z.string().refine(isOriginEntry, "each line must be an origin such as https://shop.example.com, or *.example.com")).max(100, "at most 100 origins")),
);

export const updateOrganizationSchema = z.object({
  name: z.string().trim().min(1, "name is required").max(200, "at most 200 characters"),
  timeZone: z.string().trim().min(1, "time zone is required").refine(isTimeZone, "not a known time zone"),
  rateLimitPerMinute: z.coerce
    .number({ message: "a number is required" })
    .int("a whole number is required")
    .min(1, "at least 1 request per minute")
    .max(100_000, "at most 100,000 requests per minute"),
  allowedOrigins: allowedOriginsSchema.default([]),
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
