import { sql, type SQL } from "drizzle-orm";
import type { ReportScope } from "./range";

export type FactKind = "conversation_created" | "first_response" | "reply" | "resolved" | "reopened" | "rating" | "sla_breach";

/**
 * The WHERE clause for facts of one kind in a scope (alias `f`). Team and agent filters read the fact's own
 * team/agent (who replied, resolved, was rated); a creation's fact follows the conversation's current assignee and
 * team (trigger conversations_report_owner), since nobody owns a conversation at the moment it arrives.
 */
export function factsWhere(scope: ReportScope, kind: FactKind): SQL {
  return sql`f.organization_id = ${scope.orgId} and f.kind = ${kind}
    and f.occurred_at >= ${scope.from.toISOString()}::timestamptz and f.occurred_at < ${scope.to.toISOString()}::timestamptz${ownerFilter(scope, "f")}`;
}

/** The scope's team and agent filters on a fact or roll-up row (alias `f` or `d`); `none` is a null owner. */
export function ownerFilter(scope: ReportScope, alias: "f" | "d"): SQL {
  const match = (column: string, value: string | null) =>
    value === null ? sql`` : value === "none" ? sql` and ${sql.raw(`${alias}.${column}`)} is null` : sql` and ${sql.raw(`${alias}.${column}`)} = ${value}`;
  return sql`${match("team_id", scope.teamId)}${match("agent_id", scope.agentId)}`;
}

/** The duration column the scope asks for: business hours or wall-clock. */
export const durationOf = (scope: ReportScope) => (scope.businessHours ? sql`f.business_seconds` : sql`f.seconds`);

/** Median and 90th percentile of a duration, whole seconds (null when there is nothing to measure). */
export const percentiles = (column: SQL) =>
  sql`round((percentile_cont(0.5) within group (order by ${column}))::numeric)::int as median, round((percentile_cont(0.9) within group (order by ${column}))::numeric)::int as p90`;

/**
 * A conversation's last resolution / rating in the scope: one not replaced by the conversation's next one before
 * the range ends (superseded_at, set when the next one is recorded). A plain range condition on the covering index,
 * where a "latest per conversation" would sort or hash every fact of the range.
 */
export const latestIn = (scope: ReportScope) => sql` and (f.superseded_at is null or f.superseded_at >= ${scope.to.toISOString()}::timestamptz)`;

/**
 * The latest rating in the scope per conversation (a rating can be replaced; the newest one counts, credited to the
 * agent and team it names: with an agent or team filter, a conversation counts when its latest rating is theirs).
 */
export const latestRatings = (scope: ReportScope) =>
  sql`select f.conversation_id, f.score, f.detail, f.occurred_at, f.agent_id, f.team_id
    from reporting_facts f where ${factsWhere(scope, "rating")}${latestIn(scope)}`;

/**
 * Each conversation's last resolution in the scope (counted once however often it was resolved), with who resolved
 * it and its duration in the scope's clock (business or wall-clock): what the summary, chart, tables and CSV read.
 * Like ratings, a filtered scope counts a conversation when its last resolution in the range is the agent's / team's.
 */
export const lastResolutions = (scope: ReportScope) =>
  sql`select f.conversation_id, f.seconds, f.business_seconds, ${durationOf(scope)} as duration, f.occurred_at, f.agent_id, f.team_id
    from reporting_facts f where ${factsWhere(scope, "resolved")}${latestIn(scope)}`;

export const SATISFIED_SCORE = 4;

/**
 * SLA attainment's population: conversations created in the scope that an SLA policy covers. Its breaches are read
 * within this set only (slaBreaches), so "N breached of M" always compares a subset with its set: a breach in the
 * range of a conversation created before it is not one of the range's covered conversations.
 */
export const slaCovered = (scope: ReportScope) =>
  sql`select f.conversation_id from reporting_facts f where ${factsWhere(scope, "conversation_created")}
    and f.conversation_id in (select c.id from conversations c where c.organization_id = ${scope.orgId} and c.sla_policy_id is not null)`;

/** The breach facts in the scope of its SLA-covered conversations (one row per breach): the card's count and its drill-down. */
export const slaBreaches = (scope: ReportScope) =>
  sql`select f.conversation_id, f.occurred_at from reporting_facts f where ${factsWhere(scope, "sla_breach")} and f.conversation_id in (${slaCovered(scope)})`;
