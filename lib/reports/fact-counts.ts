import { sql, type SQL } from "drizzle-orm";
import { factsWhere, ownerFilter, type FactKind } from "./fact-filter";
import { localDate, startOfLocalDay, type ReportScope } from "./range";

const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The whole days of the organization's time zone inside [from, to) (the roll-up's days), or null when there are none.
 * `start`/`end` are the instants they begin and end; the parts of the range before and after are partial days.
 */
function wholeDays(scope: ReportScope) {
  const tz = scope.orgTimeZone;
  let first = localDate(scope.from, tz);
  if (startOfLocalDay(first, tz).getTime() !== scope.from.getTime()) first = nextDate(first);
  const last = localDate(scope.to, tz);
  const start = startOfLocalDay(first, tz);
  const end = startOfLocalDay(last, tz);
  return start < end ? { first, last, start, end } : null;
}

/**
 * How many facts of a kind the scope holds, per agent or team (`key`) or in all (null), as a SELECT of (k, n).
 * Whole days come from the daily roll-up (written in the fact's own statement, keyed by the fact's agent and team,
 * so it holds exactly these counts); only the partial days at either end are counted from the facts. Exact for any
 * range and report time zone. Ratings are not rolled up (a rating can be replaced): counted from the facts.
 */
export function factCounts(scope: ReportScope, kind: FactKind, key: "agent_id" | "team_id" | null): SQL {
  const k = key ? sql.raw(`f.${key}`) : sql`null::uuid`;
  const fromFacts = (s: ReportScope) => sql`select ${k} as k, count(*)::int as n from reporting_facts f where ${factsWhere(s, kind)} group by 1`;
  const days = wholeDays(scope);
  if (!days || kind === "rating") return fromFacts(scope);
  const dk = key ? sql.raw(`d.${key}`) : sql`null::uuid`;
  return sql`select p.k, sum(p.n)::int as n from (
      select ${dk} as k, sum(d.count)::int as n from reporting_daily d
      where d.organization_id = ${scope.orgId} and d.kind = ${kind} and d.day >= ${days.first}::date and d.day < ${days.last}::date${ownerFilter(scope, "d")}
      group by 1
      union all ${fromFacts({ ...scope, to: days.start })}
      union all ${fromFacts({ ...scope, from: days.end })}
    ) p group by 1 having sum(p.n) <> 0`;
}

/** The scope's number of facts of a kind (see factCounts), as a scalar subquery. */
export const factCount = (scope: ReportScope, kind: FactKind) => sql`(select coalesce(sum(c.n), 0)::int from (${factCounts(scope, kind, null)}) c)`;
