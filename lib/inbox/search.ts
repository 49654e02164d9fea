import { sql, type SQL } from "drizzle-orm";

/**
 * Turns what an agent typed into a tsquery: every word must match, the last one as a prefix so results
 * follow typing. Returns null when nothing searchable is left (punctuation only).
 */
export function toPrefixTsquery(q: string): string | null {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.slice(0, 8) ?? [];
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(" & ");
}

/**
 * The conversations matching a search, on alias `c`: subject, any message body (notes included: only
 * agents search here), the requester's email, or `#number`.
 */
export function searchCondition(orgId: string, q: string): SQL {
  const number = /^#?(\d{1,9})$/.exec(q.trim());
  if (number) return sql`c.number = ${Number(number[1])}`;
  if (q.includes("@")) {
    return sql`c.requester_id in (select u.id from end_users u where u.organization_id = ${orgId} and lower(u.email) = ${q.trim().toLowerCase()})`;
  }
  const tsquery = toPrefixTsquery(q);
  if (!tsquery) return sql`false`;
  const query = sql`to_tsquery('english', ${tsquery})`;
  // The matches are collected first (an InitPlan over the two GIN indexes) and then fetched by primary key:
  // as a plain IN, PostgreSQL misjudges how few rows a rare word matches and hash-joins the whole table.
  return sql`c.id = any(array(
    select s.id from conversations s where s.organization_id = ${orgId} and s.search @@ ${query}
    union
    select m.conversation_id from messages m where m.organization_id = ${orgId} and m.search @@ ${query}))`;
}
