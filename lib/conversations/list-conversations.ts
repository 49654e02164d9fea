import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { conversations } from "@/db/schema";
import type { Ctx } from "../context";
import { isUuid } from "../ids";
import { selectConversationRows } from "./queries";
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
 * clamped to 100. The page and the count run side by side (a search: one pass for both), and the count
 * touches no joined table.
 */
export async function listConversations(ctx: Ctx, query: ListConversationsQuery = {}) {
  const params = listConversationsQuerySchema.parse(query);
  const limit = Math.min(params.limit, MAX_PAGE_SIZE);
  const where = and(...filters(ctx, params))!;
  // "nulls last" matches conversations_org_created_idx exactly (the columns are never null), so the
  // index serves the order; plain DESC means NULLS FIRST and would sort the whole organization.
  const newestFirst = [sql`${conversations.createdAt} desc nulls last`, sql`${conversations.id} desc nulls last`];
  if (params.q) {
    const { count, ids } = await searchPage(where, limit, params.offset);
    const page = ids.length ? await selectConversationRows().where(inArray(conversations.id, ids)).orderBy(...newestFirst) : [];
    return { count, limit, offset: params.offset, results: page.map(serializeConversation) };
  }
  // Pick the page's ids on conversations alone (an index walk that stops at `limit`), then join the details
  // for those rows only; joining first makes the planner sort the whole organization.
  const pageIds = db.select({ id: conversations.id }).from(conversations).where(where).orderBy(...newestFirst).limit(limit).offset(params.offset);
  const [page, count] = await Promise.all([
    selectConversationRows().where(inArray(conversations.id, pageIds)).orderBy(...newestFirst),
    db.$count(conversations, where),
  ]);
  return { count, limit, offset: params.offset, results: page.map(serializeConversation) };
}

/**
 * A search's count and page ids from ONE pass over its matches (GIN lookups), which the count needs anyway.
 * Asked for a page alone, PostgreSQL walks the newest-first index hoping for an early match, and a rare
 * word then reads the whole organization (~170 ms at 100,000 conversations).
 */
async function searchPage(where: SQL, limit: number, offset: number) {
  const [found] = await rows<{ count: number; ids: string[] | null }>(sql`
    with hits as materialized (select ${conversations.id} as id, ${conversations.createdAt} as created_at from ${conversations} where ${where})
    select (select count(*) from hits)::int as count,
      to_json(array(select id from hits order by created_at desc, id desc limit ${limit} offset ${offset})) as ids`);
  return { count: found!.count, ids: found!.ids ?? [] };
}
