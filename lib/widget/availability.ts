import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { organizations, type WeeklyHours } from "@/db/schema";

const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
const DAY_NAMES = { sun: "Sunday", mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday", sat: "Saturday" };

export type Availability = { open: boolean; message: string };

/** Date, weekday and HH:MM of an instant in a time zone. */
function localParts(at: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, day: parts.weekday!.slice(0, 3).toLowerCase() as (typeof DAYS)[number], time: `${parts.hour}:${parts.minute}` };
}

/**
 * Whether the team is in business hours now and what the visitor should expect. No schedule means always
 * open. Computed in the organization's time zone; the next opening is named in that zone too.
 */
export function availabilityAt(weekly: WeeklyHours | null, holidays: string[], timeZone: string, now = new Date()): Availability {
  if (!weekly) return { open: true, message: "We usually reply in a few minutes." };
  const today = localParts(now, timeZone);
  const openNow = !holidays.includes(today.date) && (weekly[today.day] ?? []).some((s) => s.open <= today.time && today.time < s.close);
  if (openNow) return { open: true, message: "We usually reply in a few minutes." };
  for (let offset = 0; offset < 14; offset++) {
    const day = localParts(new Date(now.getTime() + offset * 86_400_000), timeZone);
    if (holidays.includes(day.date)) continue;
    const next = (weekly[day.day] ?? []).find((s) => offset > 0 || s.open > today.time);
    if (next) {
      const when = offset === 0 ? "today" : offset === 1 ? "tomorrow" : DAY_NAMES[day.day];
      return { open: false, message: `We're away right now. Leave a message: we'll be back ${when} at ${next.open} (${timeZone}) and reply by email or here.` };
    }
  }
  return { open: false, message: "We're away right now. Leave a message and we'll reply as soon as we can." };
}

export async function getAvailability(orgId: string): Promise<Availability> {
  const [org] = await db
    .select({ businessHours: organizations.businessHours, holidays: organizations.holidays, timeZone: organizations.timeZone })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return org ? availabilityAt(org.businessHours, org.holidays, org.timeZone) : { open: true, message: "" };
}
