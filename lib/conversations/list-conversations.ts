import { and, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { agents, conversations, endUsers } from "@/db/schema";
import type { Ctx } from "../context";
import { isUuid } from "../ids";
import { selectConversationPage } from "./queries";
import { listConversationsQuerySchema, type ListConversationsQuery } from "./schemas";
import { conversationScope, isEndUser } from "./scope";
import { serializeConversation } from "./serialize";

export const MAX_PAGE_SIZE = 100;

function filters(ctx: Ctx, params: ReturnType<typeof listConversationsQuerySchema.parse>): SQL[] {
  const where: SQL[] = [conversationScope(ctx)];
  if (params.status) where.push(eq(conversations.status, params.status));
  if (params.user_email) where.push(sql`lower(${endUsers.email}) = ${params.user_email}`);
  if (params.assignee === "none") where.push(isNull(conversations.assigneeId));
  else if (params.assignee && isUuid(params.assignee)) where.push(eq(conversations.assigneeId, params.assignee));
  else if (params.assignee) where.push(sql`lower(${agents.email}) = ${params.assignee.toLowerCase()}`);
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
 * A page of conversations, newest first, with the total count from the same statement
 * (`count(*) over ()`); `limit` above 100 is clamped to 100.
 */
export async function listConversations(ctx: Ctx, query: ListConversationsQuery = {}) {
  const params = listConversationsQuerySchema.parse(query);
  const limit = Math.min(params.limit, MAX_PAGE_SIZE);
  const where = and(...filters(ctx, params));
  const page = await selectConversationPage()
    .where(where)
    .orderBy(desc(conversations.createdAt), desc(conversations.id))
    .limit(limit)
    .offset(params.offset);
  // Past the last page the window count has no row to ride on; count separately only then.
  const count = page[0]?.total ?? (params.offset === 0 ? 0 : await countConversations(where));
  return { count, limit, offset: params.offset, results: page.map(serializeConversation) };
}

async function countConversations(where: SQL | undefined) {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(conversations)
    .innerJoin(endUsers, eq(endUsers.id, conversations.requesterId))
    .leftJoin(agents, eq(agents.id, conversations.assigneeId))
    .where(where);
  return row!.n;
}
