import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { conversations } from "@/db/schema";
import type { Ctx } from "../context";
import { isUuid } from "../ids";
import { selectConversationRows } from "./queries";
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
    // Both sides use their GIN tsvector index; end users' searches never look inside private notes.
    const query = sql`websearch_to_tsquery('english', ${params.q})`;
    const noteFilter = isEndUser(ctx) ? sql`and m.type = 'reply'` : sql``;
    where.push(sql`(${conversations.search} @@ ${query} or ${conversations.id} in (
      select m.conversation_id from messages m where m.organization_id = ${ctx.orgId} and m.search @@ ${query} ${noteFilter}))`);
  }
  return where;
}

/**
 * A page of conversations, newest first, and the total count of the filtered set; `limit` above 100 is
 * clamped to 100. The page and the count run side by side, and the count touches no joined table.
 */
export async function listConversations(ctx: Ctx, query: ListConversationsQuery = {}) {
  const params = listConversationsQuerySchema.parse(query);
  const limit = Math.min(params.limit, MAX_PAGE_SIZE);
  const where = and(...filters(ctx, params));
  // "nulls last" matches conversations_org_created_idx exactly (the columns are never null), so the
  // index serves the order; plain DESC means NULLS FIRST and would sort the whole organization.
  const newestFirst = [sql`${conversations.createdAt} desc nulls last`, sql`${conversations.id} desc nulls last`];
  // Pick the page's ids on conversations alone (an index walk that stops at `limit`), then join the details
  // for those rows only; joining first makes the planner sort the whole organization.
  const pageIds = db.select({ id: conversations.id }).from(conversations).where(where).orderBy(...newestFirst).limit(limit).offset(params.offset);
  const [page, count] = await Promise.all([
    selectConversationRows().where(inArray(conversations.id, pageIds)).orderBy(...newestFirst),
    db.$count(conversations, where),
  ]);
  return { count, limit, offset: params.offset, results: page.map(serializeConversation) };
}
