import { sql, type SQL } from "drizzle-orm";
import { conversationSearchMatch } from "../conversations/search-match";

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
 * What an agent searched for: `#number` and an email are exact `filter`s on alias `c`; anything else is a
 * full-text `match` on alias `c` (subject or any message, notes included: only agents search here), which
 * the list reads in two ways (see searchKeys in list-conversations.ts).
 */
export type InboxSearch = { filter: SQL } | { match: SQL };

export function parseSearch(orgId: string, q: string): InboxSearch {
  const number = /^#?(\d{1,9})$/.exec(q.trim());
  if (number) return { filter: sql`c.number = ${Number(number[1])}` };
  if (q.includes("@")) {
    return { filter: sql`c.requester_id in (select u.id from end_users u where u.organization_id = ${orgId} and lower(u.email) = ${q.trim().toLowerCase()})` };
  }
  const tsquery = toPrefixTsquery(q);
  if (!tsquery) return { filter: sql`false` };
  const query = sql`to_tsquery('english', ${tsquery})`;
  return { match: conversationSearchMatch({ id: sql`c.id`, search: sql`c.search`, searchDocument: sql`c.search_document` }, orgId, query) };
}
