import { sql, type SQL } from "drizzle-orm";
import type { InboxView } from "./schemas";

/**
 * The WHERE fragment of a view, on alias `c`. Team and tag views show open work, like Mine and Unassigned;
 * "closed" covers both resolved and closed, the two ways a conversation ends.
 */
export function viewCondition(view: InboxView, agentId: string): SQL {
  switch (view) {
    case "mine":
      return sql`c.status = 'open' and c.assignee_id = ${agentId}`;
    case "unassigned":
      return sql`c.status = 'open' and c.assignee_id is null`;
    case "open":
    case "pending":
    case "snoozed":
      return sql`c.status = ${view}`;
    case "closed":
      return sql`c.status in ('resolved', 'closed')`;
    case "all":
      return sql`true`;
    case "sla_at_risk":
      // Open or pending conversations whose next SLA target falls within the hour or has passed (lib/sla).
      return sql`c.sla_policy_id is not null and c.status in ('open', 'pending')
        and least(c.first_response_due_at, c.next_response_due_at, c.resolution_due_at) < now() + interval '1 hour'`;
  }
  const [kind, id] = view.split(":") as ["team" | "tag", string];
  if (kind === "team") return sql`c.status = 'open' and c.team_id = ${id}`;
  return sql`c.status = 'open' and exists (select 1 from conversation_tags ct where ct.conversation_id = c.id and ct.tag_id = ${id})`;
}

/** Statuses a view spans, so the list can be read per status from the (org, status, time) index. */
export function viewStatuses(view: InboxView): string[] | null {
  if (view === "closed") return ["resolved", "closed"];
  if (view === "all") return null;
  if (view === "sla_at_risk") return ["open", "pending"];
  if (view === "pending" || view === "snoozed") return [view];
  return ["open"];
}
