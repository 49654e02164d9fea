import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import type { Ctx } from "../context";
import { invalid, notFound } from "../errors";
import type { ReportFilters } from "./schemas";

const DAY_MS = 86_400_000;

/** Offset of `timeZone` from UTC at instant `ms`, in ms (positive east of Greenwich). */
function offsetAt(ms: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
    .formatToParts(new Date(ms))
    .reduce<Record<string, number>>((acc, p) => (p.type === "literal" ? acc : { ...acc, [p.type]: Number(p.value) }), {});
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - Math.floor(ms / 1000) * 1000;
}

/** The instant a local date (YYYY-MM-DD) starts in `timeZone`. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const naive = Date.parse(`${date}T00:00:00Z`);
  let guess = naive - offsetAt(naive, timeZone);
  guess = naive - offsetAt(guess, timeZone);
  return new Date(guess);
}

/** The local date (YYYY-MM-DD) of an instant in `timeZone`. */
export function localDate(at: Date, timeZone: string) {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

export type ReportScope = {
  orgId: string;
  from: Date;
  to: Date;
  timeZone: string;
  orgTimeZone: string;
  teamId: string | null;
  agentId: string | null;
  businessHours: boolean;
};

/**
 * Turns filters into a scope: the organization, an exclusive [from, to) range (default: the last 7 days), the time
 * zone, and the team/agent. A plain agent only ever sees their own numbers, whatever they ask for.
 */
export async function resolveReportScope(ctx: Ctx, filters: ReportFilters, now = new Date(), options: { wholeDays?: boolean } = {}): Promise<ReportScope> {
  const [org] = await rows<{ time_zone: string }>(sql`select time_zone from organizations where id = ${ctx.orgId}`);
  if (!org) throw notFound("Organization");
  const timeZone = filters.time_zone ?? org.time_zone;
  const at = (v: string) => (v.length === 10 ? startOfLocalDay(v, timeZone) : new Date(v));
  // The Reports page defaults to whole local days (the last 7 and today); the API to the last 7 × 24 hours.
  const tomorrow = startOfLocalDay(localDate(new Date(now.getTime() + DAY_MS), timeZone), timeZone);
  const to = filters.to ? at(filters.to) : options.wholeDays ? tomorrow : now;
  const from = filters.from
    ? at(filters.from)
    : options.wholeDays
      ? startOfLocalDay(localDate(new Date(to.getTime() - 8 * DAY_MS), timeZone), timeZone)
      : new Date(to.getTime() - 7 * DAY_MS);
  if (from >= to) throw invalid("from must be before to", [{ path: ["from"], message: "must be before to" }]);
  if (to.getTime() - from.getTime() > 400 * DAY_MS) throw invalid("a report covers at most 400 days", [{ path: ["from"], message: "range too long" }]);
  const ownOnly = ctx.actor.type === "agent" && ctx.actor.role === "agent";
  return {
    orgId: ctx.orgId,
    from,
    to,
    timeZone,
    orgTimeZone: org.time_zone,
    teamId: filters.team ?? null,
    agentId: ownOnly ? ctx.actor.id : (filters.agent ?? null),
    businessHours: filters.business_hours,
  };
}

/** True when the scope is whole local days of the organization's own time zone: the daily roll-up can answer it. */
export function coversWholeDays(scope: ReportScope) {
  return scope.timeZone === scope.orgTimeZone && [scope.from, scope.to].every((d) => startOfLocalDay(localDate(d, scope.timeZone), scope.timeZone).getTime() === d.getTime());
}
