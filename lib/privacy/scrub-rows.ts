import { sql, type SQL } from "drizzle-orm";
import { rows, type Tx } from "@/db/client";
import { REDACTED, scrubJson } from "./scrub";

type JsonRow = { id: string; data: unknown };

/** Rewrites a jsonb column of the selected rows with scrubJson, in one statement. */
async function scrubColumn(tx: Tx, table: SQL, column: SQL, key: SQL, found: JsonRow[]) {
  if (found.length === 0) return;
  const values = JSON.stringify(found.map((r) => ({ id: r.id, data: scrubJson(r.data) })));
  await tx.execute(sql`update ${table} t set ${column} = v.data
    from jsonb_to_recordset(${values}::jsonb) as v(id text, data jsonb) where ${key} = v.id`);
}

/** Any of these ids appearing in a jsonb column's text: the rows that mention the anonymized records. */
const mentions = (column: SQL, ids: string[]) => sql`(${sql.join(ids.map((id) => sql`${column}::text like ${`%${id}%`}`), sql` or `)})`;

/**
 * Every copy of the texts outside the conversation rows themselves: activity payloads, the events feed (which is
 * also what every webhook delivery and redelivery sends), receivers' stored answers, and replayable
 * idempotent responses.
 */
export async function scrubCopies(tx: Tx, orgId: string, conversationIds: string[], userIds: string[]) {
  const ids = [...conversationIds, ...userIds];
  if (ids.length === 0) return;
  if (conversationIds.length) {
    const inConversations = sql`conversation_id in (${sql.join(conversationIds.map((id) => sql`${id}::uuid`), sql`, `)})`;
    const activities = await rows<JsonRow>(sql`select id::text, data from activities where organization_id = ${orgId} and ${inConversations}`, tx);
    await scrubColumn(tx, sql`activities`, sql`data`, sql`t.id::text`, activities);
    await tx.execute(sql`update activities set actor_name = ${REDACTED} where organization_id = ${orgId} and ${inConversations} and actor_type = 'end_user'`);
    // Reporting facts keep their numbers (counts, durations, scores); only a rating's comment is text.
    await tx.execute(sql`update reporting_facts set detail = ${REDACTED} where organization_id = ${orgId} and ${inConversations} and detail is not null`);
  }
  const events = await rows<JsonRow>(sql`select id::text, data from events where organization_id = ${orgId} and ${mentions(sql`data`, ids)}`, tx);
  await scrubColumn(tx, sql`events`, sql`data`, sql`t.id::text`, events);
  if (events.length) {
    await tx.execute(sql`update webhook_attempts a set response_body = ${REDACTED}
      from webhook_deliveries d where a.delivery_id = d.id and a.response_body is not null
        and d.event_id in (${sql.join(events.map((e) => sql`${e.id}::uuid`), sql`, `)})`);
  }
  const replays = await rows<JsonRow & { key: string }>(
    sql`select api_key_id::text || ' ' || key as id, response_body as data from idempotency_keys
      where organization_id = ${orgId} and response_body is not null and ${mentions(sql`response_body`, ids)}`,
    tx,
  );
  await scrubColumn(tx, sql`idempotency_keys`, sql`response_body`, sql`t.api_key_id::text || ' ' || t.key`, replays);
}
