import { sql, type SQL } from "drizzle-orm";
import type { ReportScope } from "./range";

const SLOT_MS = 15 * 60_000;

/**
 * The scope's local days or hours as instant ranges: a SELECT of (label, start, stop), label being the local
 * timestamp date_trunc gives (as if each fact were bucketed by `date_trunc(interval, occurred_at at time zone tz)`).
 * Every UTC offset is a whole number of quarter hours, so a local day or hour can only begin on a quarter hour:
 * the boundaries are the quarter hours whose label differs from the one before (plus the range's start). A local
 * hour repeated when clocks go back is one bucket, as date_trunc makes it. Each bucket's facts are then one range
 * of the (organization, kind, occurred_at) index: no time-zone conversion per fact and no sort of every fact.
 */
export function localBuckets(scope: ReportScope, interval: "day" | "hour"): SQL {
  const tz = scope.timeZone;
  const from = sql`${scope.from.toISOString()}::timestamptz`;
  const to = sql`${scope.to.toISOString()}::timestamptz`;
  const firstSlot = new Date(Math.ceil(scope.from.getTime() / SLOT_MS) * SLOT_MS).toISOString();
  const label = (at: SQL) => sql`date_trunc(${interval}, (${at}) at time zone ${tz}::text)`;
  return sql`select ${label(sql`b.t`)} as label, b.t as start, lead(b.t, 1, ${to}) over (order by b.t) as stop
    from (
      select ${from} as t
      union all
      select s.t from generate_series(${firstSlot}::timestamptz, ${to} - interval '1 microsecond', interval '15 minutes') s(t)
      where s.t > ${from} and ${label(sql`s.t`)} <> ${label(sql`s.t - interval '15 minutes'`)}
    ) b`;
}
