import { sql, type AnyColumn, type SQL } from "drizzle-orm";

type ConversationRef = { id: SQL | AnyColumn; search: SQL | AnyColumn; searchDocument: SQL | AnyColumn };

/**
 * A conversation of `orgId` matching a tsquery on its subject or on any of its messages (notes included), as
 * one condition on the conversation row: its search document holds every message's words, so both arms are
 * GIN lookups on conversations, and a very common word can also be answered by walking an ordered index.
 * A document grown too large is NULL (migration 0004); those few conversations are searched through their
 * messages once per query (an InitPlan), not per row: a correlated subquery in the OR would be costed for
 * every row, which pushes the plan's estimate past jit_above_cost and adds ~50-200 ms of JIT compilation.
 */
export function conversationSearchMatch(c: ConversationRef, orgId: string, query: SQL): SQL {
  return sql`(${c.search} @@ ${query} or ${c.searchDocument} @@ ${query} or ${c.id} = any(array(
    select o.id from conversations o where o.organization_id = ${orgId} and o.search_document is null
      and exists (select 1 from messages m where m.conversation_id = o.id and m.search @@ ${query}))))`;
}
