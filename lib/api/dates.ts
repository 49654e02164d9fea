import { z } from "zod";

/**
 * PostgreSQL's timestamptz reads years 1..9999 as written by `toISOString()` (year 0 is out of its range, and
 * JavaScript writes year 10000 as "+010000-…", which it cannot parse): a date outside them is bad input, a 400,
 * never a failed statement. Offsets count: "9999-12-31T23:00:00-05:00" is year 10000 in UTC.
 */
export function isStorableDate(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(date.getTime()) && year >= 1 && year <= 9999;
}

/** The one ISO 8601 date-time input schema (offset allowed) for bodies and queries; refuses unstorable years. */
export const isoDateTimeSchema = z.iso
  .datetime({ offset: true, message: "must be an ISO 8601 date-time" })
  .refine((value) => isStorableDate(new Date(value)), "must be a date between the years 1 and 9999 (UTC)");
