import { sql, type SQL } from "drizzle-orm";
import type { ReportScope } from "./range";

export type FactKind = "conversation_created" | "first_response" | "reply" | "resolved" | "reopened" | "rating" | "sla_breach";

/**
 * The WHERE clause for facts of one kind in a scope (alias `f`). Team and agent filters read the fact's own
 * team/agent (who replied, resolved, was rated); a creation is credited to the conversation's current assignee
 * and team, since nobody owns a conversation at the moment it arrives.
 */
export function factsWhere(scope: ReportScope, kind: FactKind): SQL {
  const byOwner = kind === "conversation_created";
  // An uncorrelated IN: hashed once, instead of one conversation lookup per fact.
  const owned = (column: SQL, id: string) =>
    byOwner ? sql` and f.conversation_id in (select c.id from conversations c where c.organization_id = ${scope.orgId} and ${column} = ${id})` : null;
  const team = scope.teamId ? (owned(sql`c.team_id`, scope.teamId) ?? sql` and f.team_id = ${scope.teamId}`) : sql``;
  const agent = scope.agentId ? (owned(sql`c.assignee_id`, scope.agentId) ?? sql` and f.agent_id = ${scope.agentId}`) : sql``;
  return sql`f.organization_id = ${scope.orgId} and f.kind = ${kind}
    and f.occurred_at >= ${scope.from.toISOString()}::timestamptz and f.occurred_at < ${scope.to.toISOString()}::timestamptz${team}${agent}`;
}

/** The duration column the scope asks for: business hours or wall-clock. */
export const durationOf = (scope: ReportScope) => (scope.businessHours ? sql`f.business_seconds` : sql`f.seconds`);

/** Median and 90th percentile of a duration, whole seconds (null when there is nothing to measure). */
export const percentiles = (column: SQL) =>
  sql`round((percentile_cont(0.5) within group (order by ${column}))::numeric)::int as median, round((percentile_cont(0.9) within group (order by ${column}))::numeric)::int as p90`;

/** The latest rating in the scope per conversation (a rating can be replaced; the newest one counts). */
export const latestRatings = (scope: ReportScope) =>
  sql`select distinct on (f.conversation_id) f.conversation_id, f.score, f.detail, f.occurred_at, f.agent_id, f.team_id
    from reporting_facts f where ${factsWhere(scope, "rating")} order by f.conversation_id, f.occurred_at desc, f.id desc`;

/**
 * Each conversation's resolution time in the scope, counted once however often it was resolved: its last
 * resolution's. A resolution is measured from the conversation's creation, so the last one is also the longest:
 * max() per conversation gives it with a hash aggregate, no sort (what the summary and chart read).
 */
export const resolutionPerConversation = (scope: ReportScope) =>
  sql`select f.conversation_id, max(${durationOf(scope)}) as duration, max(f.occurred_at) as occurred_at
    from reporting_facts f where ${factsWhere(scope, "resolved")} group by f.conversation_id`;

/** Each conversation's last resolution in the scope with who resolved it (tables, CSV). */
export const lastResolutions = (scope: ReportScope) =>
  sql`select distinct on (f.conversation_id) f.conversation_id, f.seconds, f.business_seconds, f.occurred_at, f.agent_id, f.team_id
    from reporting_facts f where ${factsWhere(scope, "resolved")} order by f.conversation_id, f.occurred_at desc, f.id desc`;

export const SATISFIED_SCORE = 4;
