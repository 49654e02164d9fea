import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { rows } from "@/db/client";
import { conversations } from "@/db/schema";
import type { Ctx } from "../context";
import { isUuid } from "../ids";
import { replicaRows } from "../ops/read-replica";
import { countedTotal } from "./counted-total";
import { conversationViewColumns, toConversationView, type ConversationViewRow } from "./conversation-view";
import { conversationSearchMatch } from "./search-match";
import { listConversationsQuerySchema, type ListConversationsQuery } from "./schemas";
import { conversationScope, isEndUser } from "./scope";
import { conversationsForViewer } from "./end-user-view";
import { serializeConversation } from "./serialize";

export const MAX_PAGE_SIZE = 100;

/** Keyset paging: `after` the last row seen; `lookAhead` reads one extra row to know whether more follow. */
export type Keyset = { after?: { at: string; id: string } | null; lookAhead?: boolean };

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
  if (params.q) where.push(searchFilter(ctx, params.q));
  return where;
}

// Quotes, or punctuation inside a word ("e-mail"), make websearch_to_tsquery build a phrase (<->): a phrase
// must stand in one message, and a conversation's document loses word positions past 16,383.
const MAY_BE_PHRASE = /"|[\p{L}\p{N}][^\s\p{L}\p{N}]+[\p{L}\p{N}]/u;

/**
 * `q`: every word in the subject or anywhere in the conversation's messages, the same for every caller, except
 * that end users (client keys) search replies only, never private notes; a phrase within one message.
 */
function searchFilter(ctx: Ctx, q: string): SQL {
  const query = sql`websearch_to_tsquery('english', ${q})`;
  const client = isEndUser(ctx) || (ctx.actor.type === "api_key" && ctx.actor.kind === "client");
  const messageTypes = client ? sql`and m.type = 'reply'` : sql``;
  const inOneMessage = sql`exists (select 1 from messages m
    where m.conversation_id = ${conversations.id} and m.search @@ ${query} ${messageTypes})`;
  if (MAY_BE_PHRASE.test(q)) {
    return client
      ? sql`(${conversations.search} @@ ${query} or ${inOneMessage})`
      : sql`(${conversations.search} @@ ${query} or ${conversations.id} in (
          select m.conversation_id from messages m where m.organization_id = ${ctx.orgId} and m.search @@ ${query}))`;
  }
  if (!client) return conversationSearchMatch(conversations, ctx.orgId, query);
  // The stored document includes notes, so an end user's replies are gathered here: their own few conversations.
  return sql`(${conversations.search} @@ ${query} or coalesce((
    select dexra_search_agg(m.search order by m.created_at, m.id) from messages m
    where m.conversation_id = ${conversations.id} and m.type = 'reply') @@ ${query}, ${inOneMessage}))`;
}

/**
 * A page of conversations, newest first, and the total count of the filtered set; `limit` above 100 is
 * clamped to 100. One statement: the count, and the page's ids picked on conversations alone (an index walk
 * that stops at `limit`) then joined to their details; joining first makes the planner sort the organization.
 */
export async function listConversations(ctx: Ctx, query: ListConversationsQuery = {}, keyset: Keyset = {}) {
  const params = listConversationsQuerySchema.parse(query);
  const limit = Math.min(params.limit, MAX_PAGE_SIZE);
  const where = and(...filters(ctx, params));
  // Keyset paging (the /v1 cursor): rows strictly after the last one seen; the count stays the whole set's.
  // One extra row tells whether another page follows.
  const after = keyset.after ? sql`and (created_at, id) < (${keyset.after.at}::timestamptz, ${keyset.after.id}::uuid)` : sql``;
  const take = keyset.lookAhead ? limit + 1 : limit;
  // "nulls last" matches conversations_org_created_idx exactly (the columns are never null), so the
  // index serves the order; plain DESC means NULLS FIRST and would sort the whole organization.
  const newestFirst = sql`order by created_at desc nulls last, id desc nulls last limit ${take} offset ${params.offset}`;
  // A search's matches are collected once (GIN lookups) for both the count and the page: asked for the page
  // alone, PostgreSQL walks the newest-first index hoping for an early match, and a rare word then reads the
  // whole organization (~170 ms at 100,000 conversations).
  const [hits, count, pageIds] = params.q
    ? [sql`with hits as materialized (select id, created_at from conversations where ${where})`, sql`select count(*)::int as total from hits`, sql`select id from hits where true ${after} ${newestFirst}`]
    : [sql``, countedTotal(ctx, params) ?? sql`select count(*)::int as total from conversations where ${where}`, sql`select id from conversations where ${where} ${after} ${newestFirst}`];
  // A search may lag the primary by a moment: it reads the replica when there is one (DATABASE_REPLICA_URL).
  const found = await (params.q ? replicaRows : rows)<ConversationViewRow & { total: number; sort_key: string }>(sql`
    ${hits}
    select n.total, page.* from (${count}) n
    left join lateral (
      select ${conversationViewColumns}, c.created_at as sort_at, to_json(c.created_at)#>>'{}' as sort_key
      from (${pageIds}) p
      join conversations c on c.id = p.id
      join end_users u on u.id = c.requester_id
      left join agents a on a.id = c.assignee_id
      left join teams tm on tm.id = c.team_id
    ) page on true
    order by page.sort_at desc nulls last, page.id desc nulls last`);
  const page = found.filter((r) => r.id !== null);
  const hasMore = page.length > limit;
  if (hasMore) page.pop();
  const results = page.map((r) => serializeConversation(toConversationView(r)));
  // The last row's exact sort key (microseconds: a millisecond ISO string would skip or repeat rows).
  const last = hasMore ? { at: page[page.length - 1]!.sort_key, id: page[page.length - 1]!.id } : null;
  return { count: found[0]?.total ?? 0, limit, offset: params.offset, results: await conversationsForViewer(ctx, results), next: last };
}
