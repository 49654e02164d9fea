import { sql, type SQL } from "drizzle-orm";
import type { Ctx } from "../context";
import { isUuid } from "../ids";
import type { listConversationsQuerySchema } from "./schemas";

type ListParams = ReturnType<typeof listConversationsQuerySchema.parse>;
const UNASSIGNED = "00000000-0000-0000-0000-000000000000";

/**
 * The exact `count` of a list read from the counters the triggers keep (migration 0007): a handful of index
 * reads instead of counting the organization, so the list costs the same at 10,000 and 1,000,000 conversations.
 * Only for what the counters hold: the whole organization (not one end user's view), filtered by nothing but
 * status, assignee and tag (not assignee and tag together). Anything else returns null: count the rows.
 */
export function countedTotal(ctx: Ctx, params: ListParams): SQL | null {
  if (ctx.actor.type === "end_user" || params.q || params.user_email || (params.tag && params.assignee)) return null;
  const status = params.status ? sql`and status = ${params.status}` : sql``;
  if (params.tag) {
    return sql`select coalesce(sum(n), 0)::int as total from conversation_tag_counts
      where organization_id = ${ctx.orgId} ${status}
        and tag_id = (select id from tags where organization_id = ${ctx.orgId} and lower(name) = ${params.tag.toLowerCase()})`;
  }
  let assignee = sql``;
  if (params.assignee === "none") assignee = sql`and assignee_key = ${UNASSIGNED}`;
  else if (params.assignee && isUuid(params.assignee)) assignee = sql`and assignee_key = ${params.assignee}`;
  else if (params.assignee) assignee = sql`and assignee_key in (select id from agents where lower(email) = ${params.assignee.toLowerCase()})`;
  return sql`select coalesce(sum(n), 0)::int as total from conversation_counts where organization_id = ${ctx.orgId} ${status} ${assignee}`;
}
