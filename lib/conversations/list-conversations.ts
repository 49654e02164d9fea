import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { rows } from "@/db/client";
import { conversations } from "@/db/schema";
import type { Ctx } from "../context";
import { isUuid } from "../ids";
import { conversationViewColumns, toConversationView, type ConversationViewRow } from "./conversation-view";
import { conversationSearchMatch } from "./search-match";
import { listConversationsQuerySchema, type ListConversationsQuery } from "./schemas";
import { conversationScope, isEndUser } from "./scope";
import { serializeConversation } from "./serialize";

export const MAX_PAGE_SIZE = 100;

function filters(ctx: Ctx, params: ReturnType<typeof listConversationsQuerySchema.parse>): SQL[] {
  const where: SQL[] = [conversationScope(ctx)];
  if (params.status) where.push(eq(conversations.status, params.status));
  // Subqueries rather than joined columns, so the count needs no join.
  if (params.user_email) {
    where.push(sql`${conversations.requesterId} in (select id from end_users where organization_id = ${ctx.orgId} and lower(email) = ${params.user_email})`);
  }
  if (params.assignee === "none") where.push(isNull(conversations.assigneeId));
  else if (params.assignee && isUuid(params.assignee)) where.push(eq(conversations.assigneeId, params.assignee));
  else if (params.assignee) where.push(sql`${conversations.assigneeId} in (select id from agents where lower(email) = ${params.assignee.toLowerCase()})`);
  if (params.tag) {
    where.push(sql`exists (select 1 from conversation_tags ct join tags t on t.id = ct.tag_id
      where ct.conversation_id = ${conversations.id} and lower(t.name) = ${params.tag.toLowerCase()})`);
  }
  if (params.q) {
    const query = sql`websearch_to_tsquery('english', ${params.q})`;
    if (isEndUser(ctx) || (ctx.actor.type === "api_key" && ctx.actor.kind === "client")) {
      // End users never match on private notes, which the conversation's search document includes: their
      // searches read the replies of their own conversations (few) through the per-conversation index.
      where.push(sql`(${conversations.search} @@ ${query} or exists (select 1 from messages m
        where m.conversation_id = ${conversations.id} and m.type = 'reply' and m.search @@ ${query}))`);
    } else {
      where.push(conversationSearchMatch(conversations, ctx.orgId, query));
    }
  }
  return where;
}

/**
 * A page of conversations, newest first, and the total count of the filtered set; `limit` above 100 is
 * clamped to 100. One statement: the count, and the page's ids picked on conversations alone (an index walk
 * that stops at `limit`) then joined to their details; joining first makes the planner sort the organization.
 */
export async function listConversations(ctx: Ctx, query: ListConversationsQuery = {}) {
  const params = listConversationsQuerySchema.parse(query);
  const limit = Math.min(params.limit, MAX_PAGE_SIZE);
  const where = and(...filters(ctx, params));
  // "nulls last" matches conversations_org_created_idx exactly (the columns are never null), so the
  // index serves the order; plain DESC means NULLS FIRST and would sort the whole organization.
  const newestFirst = sql`order by created_at desc nulls last, id desc nulls last limit ${limit} offset ${params.offset}`;
  // A search's matches are collected once (GIN lookups) for both the count and the page: asked for the page
  // alone, PostgreSQL walks the newest-first index hoping for an early match, and a rare word then reads the
  // whole organization (~170 ms at 100,000 conversations).
  const [hits, count, pageIds] = params.q
    ? [sql`with hits as materialized (select id, created_at from conversations where ${where})`, sql`select count(*)::int as total from hits`, sql`select id from hits ${newestFirst}`]
    : [sql``, sql`select count(*)::int as total from conversations where ${where}`, sql`select id from conversations where ${where} ${newestFirst}`];
  const found = await rows<ConversationViewRow & { total: number }>(sql`
    ${hits}
    select n.total, page.* from (${count}) n
    left join lateral (
      select ${conversationViewColumns}, c.created_at as sort_at
      from (${pageIds}) p
      join conversations c on c.id = p.id
      join end_users u on u.id = c.requester_id
      left join agents a on a.id = c.assignee_id
      left join teams tm on tm.id = c.team_id
    ) page on true
    order by page.sort_at desc nulls last, page.id desc nulls last`);
  const results = found.filter((r) => r.id !== null).map((r) => serializeConversation(toConversationView(r)));
  return { count: found[0]?.total ?? 0, limit, offset: params.offset, results };
}
