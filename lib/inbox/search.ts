import { sql, type SQL } from "drizzle-orm";
import { rows } from "@/db/client";
import { conversationSearchMatch } from "../conversations/search-match";
import { searchTokens, tokenWords } from "./search-terms";

export { searchTokens, tokenWords };

/**
 * Turns what an agent typed into a tsquery: every word must match, the last one as a prefix so results
 * follow typing. Returns null when nothing searchable is left (punctuation only).
 */
export function toPrefixTsquery(q: string): string | null {
  const words = tokenWords(q).slice(0, 8);
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(" & ");
}

/**
 * One token as a tsquery: PostgreSQL's own parse of it (so `1200/min`, `v2.3.1` or an email, which documents
 * keep as one lexeme, match whole) or its words, the last token's last word as a prefix.
 */
function tokenTsquery(token: string, last: boolean): SQL {
  const words = tokenWords(token);
  const split = words.map((w, i) => (last && i === words.length - 1 ? `${w}:*` : w)).join(" & ");
  return sql`(plainto_tsquery('english', ${token}) || to_tsquery('english', ${split}))`;
}

/** How a requester's name, email and external id are searched (same text as the trigram index, migration 0006). */
export const requesterText = (u: string) =>
  sql.raw(`dexra_requester_text(${u}.first_name, ${u}.last_name, ${u}.email, ${u}.external_id)`);

/** A token as the requester text spells it: lower case, words separated by one space. */
export const normalizeForRequester = (token: string) => tokenWords(token).join(" ");

/**
 * What an agent searched for: `#number` is an exact `filter` on alias `c`; anything else is a `match` on alias
 * `c` that the list reads in two ways (see searchKeys in list-conversations.ts): every token is found either in
 * the subject or a message (notes included: only agents search here) or beginning a word of the requester's
 * name, email or external id (so `tariq` finds all of Tariq's conversations, `tariq 1200/min` those of them
 * that mention it); a number typed alone also finds the conversation of that number.
 */
export type InboxSearch = { filter: SQL } | { match: SQL };

/**
 * A word beginning the name or email of more requesters than this (a mail domain, "customer") names no one
 * in particular: it is searched in the text only. Testing each listed row against tens of thousands of
 * requester ids cost ~400 ms on the 100,000-conversation bench; a bounded lookup stops at the limit.
 */
export const MAX_REQUESTERS = 500;

export function parseSearch(orgId: string, q: string): InboxSearch {
  const number = /^#(\d{1,9})$/.exec(q.trim());
  if (number) return { filter: sql`c.number = ${Number(number[1])}` };
  const tokens = searchTokens(q).filter((t) => tokenWords(t).length > 0);
  if (tokens.length === 0) return { filter: sql`false` };
  const conversation = { id: sql`c.id`, search: sql`c.search`, searchDocument: sql`c.search_document` };
  const each = tokens.map((token, i) => {
    const text = conversationSearchMatch(conversation, orgId, tokenTsquery(token, i === tokens.length - 1));
    // One lookup per query (an InitPlan), its result an array the requester index can read (see MAX_REQUESTERS).
    const requester = sql`c.requester_id = any(cast((select case when count(*) > ${sql.raw(String(MAX_REQUESTERS))} then '{}' else array_agg(p.id) end
      from (select u.id from end_users u where u.organization_id = ${orgId}
            and ${requesterText("u")} like ${`% ${normalizeForRequester(token)}%`} limit ${sql.raw(String(MAX_REQUESTERS + 1))}) p) as uuid[]))`;
    return sql`(${text} or ${requester})`;
  });
  const alone = /^\d{1,9}$/.exec(q.trim());
  const all = sql.join(each, sql` and `);
  return { match: alone ? sql`(${all} or c.number = ${Number(alone[0])})` : sql`(${all})` };
}

// Whether pg_trgm is installed (migration 0006 skips it where the server lacks it, e.g. the embedded PGlite).
const trigram = globalThis as unknown as { __dexraTrigram?: Promise<boolean> };
export function hasTrigramSearch(): Promise<boolean> {
  trigram.__dexraTrigram ??= rows<{ yes: boolean }>(sql`select exists (select 1 from pg_extension where extname = 'pg_trgm') as yes`)
    .then(([r]) => Boolean(r?.yes))
    .catch(() => false);
  return trigram.__dexraTrigram;
}

/**
 * The typo-tolerant fallback, used when the exact search found nothing: the subject or the requester's name,
 * email or external id resembling the query (pg_trgm word similarity), as a `filter` on alias `c`.
 */
export function fuzzySearch(orgId: string, q: string): SQL {
  const text = searchTokens(q).join(" ").toLowerCase();
  // Bounded like the exact lookup: resembling more than MAX_REQUESTERS requesters names no one in particular.
  return sql`(${text} <% lower(c.subject) or c.requester_id = any(cast((select case when count(*) > ${sql.raw(String(MAX_REQUESTERS))} then '{}' else array_agg(p.id) end
    from (select u.id from end_users u where u.organization_id = ${orgId} and ${text} <% ${requesterText("u")}
          limit ${sql.raw(String(MAX_REQUESTERS + 1))}) p) as uuid[])))`;
}
