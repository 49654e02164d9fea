import type { WeeklyHours } from "@/db/schema";
import type { Ctx } from "../context";
import { getBusinessHours } from "./manage-business-hours";
import { WEEKDAYS } from "./schemas";

type Schedule = { businessHours: WeeklyHours | null; holidays: string[]; timeZone: string };

const MINUTE = 60_000;
const SEARCH_DAYS = 400; // a year of holidays plus a week

/** The wall clock in `timeZone` at `at`: date (YYYY-MM-DD), weekday key and minutes since midnight. */
function wallClock(at: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, day: parts.weekday!.toLowerCase().slice(0, 3) as (typeof WEEKDAYS)[number], minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** The UTC instant of a wall-clock time in `timeZone` (the zone's offset taken at that time, DST included). */
function instantOf(date: string, minutes: number, timeZone: string) {
  const guess = Date.parse(`${date}T00:00:00Z`) + minutes * MINUTE;
  let at = guess;
  for (let i = 0; i < 2; i++) {
    const wall = wallClock(new Date(at), timeZone);
    const seen = Date.parse(`${wall.date}T00:00:00Z`) + wall.minutes * MINUTE;
    at += guess - seen;
  }
  return new Date(at);
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The opening intervals of one local day, as UTC instants (none on holidays). */
function intervalsOn(schedule: Schedule, localDate: string) {
  if (schedule.holidays.includes(localDate)) return [];
  const day = WEEKDAYS[(new Date(`${localDate}T12:00:00Z`).getUTCDay() + 6) % 7]!;
  return (schedule.businessHours![day] ?? []).map((i) => ({ open: instantOf(localDate, toMinutes(i.open), schedule.timeZone), close: instantOf(localDate, toMinutes(i.close), schedule.timeZone) }));
}

/** Open now, and when that next changes; with no schedule the organization is always open (next_change_at null). */
export function businessHoursStatusAt(schedule: Schedule, now: Date) {
  if (!schedule.businessHours) return { open: true, next_change_at: null };
  const today = wallClock(now, schedule.timeZone).date;
  for (let d = -1; d < SEARCH_DAYS; d++) {
    const date = new Date(Date.parse(`${today}T12:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
    for (const interval of intervalsOn(schedule, date)) {
      if (now >= interval.open && now < interval.close) return { open: true, next_change_at: interval.close.toISOString() };
      if (interval.open > now) return { open: false, next_change_at: interval.open.toISOString() };
    }
  }
  return { open: false, next_change_at: null };
}

export async function getBusinessHoursStatus(ctx: Ctx, now = new Date()) {
  return businessHoursStatusAt(await getBusinessHours(ctx), now);
}

/** The schedule in the shape PUT takes, so a GET can be edited and sent back. */
export async function getApiBusinessHours(ctx: Ctx) {
  const s = await getBusinessHours(ctx);
  const days = Object.fromEntries(
    WEEKDAYS.map((d) => {
      const first = s.businessHours?.[d]?.[0];
      return [d, first ? { enabled: true, open: first.open, close: first.close } : { enabled: false, open: "", close: "" }];
    }),
  );
  return { enabled: s.businessHours !== null, time_zone: s.timeZone, days, holidays: s.holidays };
}
