import { sql, type SQL } from "drizzle-orm";
import { db, rows } from "@/db/client";
import type { Ctx } from "../context";
import { decodeCursor, encodeCursor, type ListCursor } from "./cursor";
import { listQuerySchema, type InboxSort, type ListQuery } from "./schemas";
import { markdownToPlain } from "./plain-text";
import { fuzzySearch, hasTrigramSearch, parseSearch } from "./search";
import { viewCondition, viewStatuses } from "./views";

const SLA_DUE = sql`least(c.first_response_due_at, c.next_response_due_at, c.resolution_due_at)`;

// NULLS LAST / FIRST spelled out to match the indexes drizzle creates (DESC NULLS LAST), or PostgreSQL
// cannot read them in order and sorts the whole view instead (the columns are NOT NULL either way).
const ORDER: Record<InboxSort, SQL> = {
  newest: sql`c.last_message_at desc nulls last, c.id desc nulls last`,
  oldest: sql`c.last_message_at asc nulls first, c.id asc nulls first`,
  priority: sql`c.priority desc nulls last, c.last_message_at desc nulls last, c.id desc nulls last`,
  // "Due soonest": the next SLA due time (lib/sla), conversations without one last.
  due: sql`${SLA_DUE} asc nulls last, c.id asc`,
};

function keysetCondition(sort: InboxSort, cursor: ListCursor | null): SQL {
  if (!cursor) return sql`true`;
  const at = sql`${cursor.at}::timestamptz`;
  const id = sql`${cursor.id}::uuid`;
  if (sort === "oldest") return sql`(c.last_message_at, c.id) > (${at}, ${id})`;
  if (sort === "priority") return sql`(c.priority, c.last_message_at, c.id) < (${cursor.priority ?? "urgent"}::conversation_priority, ${at}, ${id})`;
  if (sort === "due") {
    return cursor.due ? sql`((${SLA_DUE}, c.id) > (${cursor.due}::timestamptz, ${id}) or ${SLA_DUE} is null)` : sql`(${SLA_DUE} is null and c.id > ${id})`;
  }
  return sql`(c.last_message_at, c.id) < (${at}, ${id})`;
}

type Row = {
  id: string;
  number: number;
  subject: string;
  status: string;
  priority: string;
  preview: string | null;
  at: string;
  snoozed_until: string | null;
  requester_email: string | null;
  requester_first_name: string | null;
  requester_last_name: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  unread: boolean;
  tags: string[];
  rating_score: number | null;
  rating_comment: string | null;
  sla_due_at: string | null;
};

// How many of the view's first rows (in list order) a text search reads before it turns to the GIN indexes.
const SEARCH_WINDOW = 1000;

/**
 * The SQL of one page (limit + 1 rows, to know whether there is a next page); exported for EXPLAIN in bench/.
 * `fuzzy`: the typo-tolerant reading of `q` instead of the exact one.
 */
export function listPageQuery(ctx: Ctx, agentId: string, input: ListQuery, fuzzy = false) {
  const query = listQuerySchema.parse(input);
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const order = ORDER[query.sort];
  const search = !query.q ? null : fuzzy ? { filter: fuzzySearch(ctx.orgId, query.q) } : parseSearch(ctx.orgId, query.q);
  const filters = sql.join(
    [
      sql`c.organization_id = ${ctx.orgId}`,
      viewCondition(query.view, agentId),
      query.priority ? sql`c.priority = ${query.priority}` : sql`true`,
      search && "filter" in search ? search.filter : sql`true`,
      keysetCondition(query.sort, cursor),
    ],
    sql` and `,
  );
  const take = query.limit + 1;
  const statuses = viewStatuses(query.view);
  // The view's first `limit` rows in list order, read from an (organization[, status], …) index; one read per
  // status, merged, so a view spanning two statuses never sorts the whole table.
  const firstRows = (columns: SQL, limit: SQL) => {
    const one = (status: string | null) => sql`(select ${columns} from conversations c
      where ${filters} ${status ? sql`and c.status = ${status}` : sql``} order by ${order} limit ${limit})`;
    return statuses ? sql.join(statuses.map(one), sql` union all `) : one(null);
  };
  const keys = search && "match" in search ? searchKeys(firstRows, filters, search.match, order, take) : firstRows(sql`c.id`, sql`${take}`);
  return sql`
    select c.id, c.number, c.subject, c.status, c.priority, c.last_message_preview as preview,
      to_json(c.last_message_at)#>>'{}' as at, to_json(c.snoozed_until)#>>'{}' as snoozed_until,
      u.email as requester_email, u.first_name as requester_first_name, u.last_name as requester_last_name,
      a.id as assignee_id, a.name as assignee_name,
      (r.last_read_at is null or r.last_read_at < c.last_message_at) as unread,
      rt.score as rating_score, rt.comment as rating_comment,
      coalesce((select array_agg(t.name order by t.name) from conversation_tags ct join tags t on t.id = ct.tag_id
        where ct.conversation_id = c.id), '{}') as tags
      , to_json(${SLA_DUE})#>>'{}' as sla_due_at
    from (${keys}) k
    join conversations c on c.id = k.id
    join end_users u on u.id = c.requester_id
    left join agents a on a.id = c.assignee_id
    left join conversation_reads r on r.agent_id = ${agentId} and r.conversation_id = c.id
    left join ratings rt on rt.conversation_id = c.id
    order by ${order}
    limit ${take}`;
}

/**
 * The ids of one page of a full-text search, read in whichever way is fast for this word, decided by the data
 * rather than by the planner's guess (it cannot tell a word in 1 conversation from one in 500 without stats
 * on it, and prepared statements get generic plans): first the view in list order, testing each row, up to
 * SEARCH_WINDOW rows — a common word fills the page within a few dozen rows and the scan stops there; only
 * when it does not (a rare word) and the view is longer, every match is collected through the GIN indexes
 * (few by then) and the page sorted out of them.
 */
function searchKeys(firstRows: (columns: SQL, limit: SQL) => SQL, filters: SQL, match: SQL, order: SQL, take: number) {
  // A literal, not a parameter, so that even a generic plan of the prepared statement knows how few rows it reads.
  const window = sql.raw(String(SEARCH_WINDOW));
  const tested = firstRows(sql`c.id, c.last_message_at, c.priority, c.first_response_due_at, c.next_response_due_at, c.resolution_due_at, ${match} as hit`, window);
  return sql`
    with head as materialized (select c.id from (select * from (${tested}) c order by ${order} limit ${window}) c
                               where c.hit order by ${order} limit ${take}),
      settled as materialized (select (select count(*) from head) = ${take}
                               or (select count(*) from (${firstRows(sql`c.id`, window)}) c) < ${window} as yes),
      hits as materialized (select c.id, c.last_message_at, c.priority, c.first_response_due_at, c.next_response_due_at, c.resolution_due_at from conversations c where ${filters} and ${match})
    select id from head where (select yes from settled)
    union all
    (select c.id from hits c where not (select yes from settled) order by ${order} limit ${take})`;
}

/**
 * One page of a view for the signed-in agent, keyset-paginated. Each status is read separately from the
 * (organization, status, …) indexes and the pages merged, so a view spanning two statuses never sorts
 * the whole table. A search that finds nothing at all is read again typo-tolerantly (`fuzzy` says so).
 */
export async function listInboxConversations(ctx: Ctx, agentId: string, input: ListQuery) {
  const query = listQuerySchema.parse(input);
  let found = await rows<Row>(listPageQuery(ctx, agentId, query));
  let fuzzy = false;
  // Only a first page falls back: a later page's cursor comes from the reading that produced the first one.
  if (found.length === 0 && query.q && !query.cursor && !/^#\d+$/.test(query.q) && (await hasTrigramSearch())) {
    // A short word with one typo scores ~0.5 against its word; pg_trgm's default threshold (0.6) misses it.
    found = await db.transaction(async (tx) => {
      await tx.execute(sql`set local pg_trgm.word_similarity_threshold = 0.45`);
      return rows<Row>(listPageQuery(ctx, agentId, query, true), tx);
    });
    fuzzy = found.length > 0;
  }
  const page = found.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = !fuzzy && found.length > query.limit && last ? encodeCursor({ at: last.at, id: last.id, ...(query.sort === "priority" ? { priority: last.priority } : {}), ...(query.sort === "due" ? { due: last.sla_due_at } : {}) }) : null;
  return { items: page.map(toListItem), nextCursor, fuzzy };
}

function toListItem(r: Row) {
  const name = [r.requester_first_name, r.requester_last_name].filter(Boolean).join(" ");
  return {
    id: r.id,
    number: r.number,
    subject: r.subject,
    status: r.status,
    priority: r.priority,
    // Messages are Markdown; a preview is one line of what a person reads.
    preview: r.preview === null ? null : markdownToPlain(r.preview),
    last_message_at: r.at,
    snoozed_until: r.snoozed_until,
    requester: { name: name || r.requester_email || "Anonymous visitor", email: r.requester_email },
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name! } : null,
    unread: r.unread,
    tags: r.tags,
    rating: r.rating_score === null ? null : { score: r.rating_score, comment: r.rating_comment },
    sla_due_at: r.sla_due_at,
  };
}
export type InboxListItem = ReturnType<typeof toListItem>;
export type InboxListPage = Awaited<ReturnType<typeof listInboxConversations>>;
