import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { rows, withCustomPlan } from "@/db/client";
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

type Found = ConversationViewRow & { total: number; sort_key: string };

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

/** How many matches of `q` are counted exactly before `count` becomes a lower bound (DEXRA_SEARCH_COUNT_CAP). */
export const searchCountCap = () => Number(process.env.DEXRA_SEARCH_COUNT_CAP ?? 10_000);

// How many of the newest conversations a search tests in order before it turns to the GIN indexes.
const SEARCH_WINDOW = 1000;

/** `countCap` and `searchWindow` override searchCountCap() and SEARCH_WINDOW (tests keep their data small). */
export type ListOptions = Keyset & { countCap?: number; searchWindow?: number };

/**
 * A page of conversations, newest first, and the total count of the filtered set; `limit` above 100 is
 * clamped to 100. One statement: the count, and the page's ids picked on conversations alone (an index walk
 * that stops at `limit`) then joined to their details; joining first makes the planner sort the organization.
 * With `q`, `count` is exact up to the search count cap; past it, it is a lower bound and `countExact` false.
 */
export async function listConversations(ctx: Ctx, query: ListConversationsQuery = {}, options: ListOptions = {}) {
  const params = listConversationsQuerySchema.parse(query);
  const limit = Math.min(params.limit, MAX_PAGE_SIZE);
  const where = and(...filters(ctx, params))!;
  // Keyset paging (the /v1 cursor): rows strictly after the last one seen; the count stays the whole set's.
  // One extra row tells whether another page follows.
  const after = options.after ? sql`and (created_at, id) < (${options.after.at}::timestamptz, ${options.after.id}::uuid)` : sql``;
  const take = options.lookAhead ? limit + 1 : limit;
  // "nulls last" matches conversations_org_created_idx exactly (the columns are never null), so the
  // index serves the order; plain DESC means NULLS FIRST and would sort the whole organization.
  const order = sql`order by created_at desc nulls last, id desc nulls last`;
  const newestFirst = sql`${order} limit ${take} offset ${params.offset}`;
  // Past the cap (or past the requested page, whichever is further) counting stops: one row more than `bound`
  // says "at least this many", and keeps `next` pointing at a further page when there is one.
  const bound = Math.max(options.countCap ?? searchCountCap(), params.offset + limit);
  const [ctes, count, pageIds] = params.q
    ? searchParts(where, searchFilter(ctx, params.q), after, order, { upTo: params.offset + take, newestFirst, bound, window: options.searchWindow ?? SEARCH_WINDOW })
    : [sql``, countedTotal(ctx, params) ?? sql`select count(*)::int as total from conversations where ${where}`, sql`select id from conversations where ${where} ${after} ${newestFirst}`];
  // A search may lag the primary by a moment: it reads the replica when there is one (DATABASE_REPLICA_URL).
  // A search is planned for its word every time (withCustomPlan): how to count and page a word in 10 and one in
  // 500,000 conversations differ, and a generic plan picks one way for both.
  const statement = params.q ? (query: SQL) => replicaRows<Found>(withCustomPlan(query)) : (query: SQL) => rows<Found>(query);
  const found = await statement(sql`
    ${ctes}
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
  const total = found[0]?.total ?? 0;
  return { count: total, countExact: !params.q || total <= bound, limit, offset: params.offset, results: await conversationsForViewer(ctx, results), next: last };
}

/**
 * A search's CTEs, count and page ids. The count reads at most `bound + 1` matches, so a common word
 * ("tracking label" in a third of a million conversations) no longer collects every match. The page is read
 * whichever way is fast for this word, decided by the data rather than the planner's guess (as the inbox
 * search does): first the newest SEARCH_WINDOW conversations in index order, testing each — a common word
 * fills the page within a few dozen rows; only when it does not (a rare word, or a deep offset) are the
 * matches collected through the GIN indexes (few, for a rare word) and sorted.
 */
type SearchPage = { upTo: number; newestFirst: SQL; bound: number; window: number };

function searchParts(where: SQL, match: SQL, after: SQL, order: SQL, { upTo, newestFirst, bound, window: rows }: SearchPage): [SQL, SQL, SQL] {
  // Literals, not parameters, so even a generic plan of the prepared statement knows how few rows are read.
  const window = sql.raw(String(Math.trunc(rows)));
  const ctes = sql`with head as materialized (
      select id, created_at from (select id, created_at, ${match} as hit from conversations where ${where} ${after} ${order} limit ${window}) w
      where hit ${order} limit ${upTo}),
    settled as materialized (select (select count(*) from head) = ${upTo}
      or (select count(*) from (select 1 from conversations where ${where} ${after} limit ${window}) w) < ${window} as yes),
    hits as materialized (select id, created_at from conversations where ${where} and ${match} ${after})`;
  const count = sql`select count(*)::int as total from (select 1 from conversations where ${where} and ${match} limit ${sql.raw(String(Math.trunc(bound) + 1))}) x`;
  const pageIds = sql`(select id, created_at from head where (select yes from settled)
      union all
      select id, created_at from hits where not (select yes from settled)) ${newestFirst}`;
  return [ctes, count, pageIds];
}
