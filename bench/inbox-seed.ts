import { sql } from "drizzle-orm";
import { db } from "@/db/client";

const SUBJECTS = ["Refund for duplicate charge", "Cannot log in", "Damaged item in package", "Change my email", "Invoice missing", "Slack integration broken", "Cancel my subscription", "Where is my order"];
const WORDS = ["order", "parcel", "invoice", "password", "account", "shipping", "refund", "charge", "email", "broken", "thanks", "please", "urgent", "today", "tomorrow", "box", "label", "tracking", "card", "plan"];

/**
 * 100,000 conversations and 1,000,000 messages for one organization in set-based statements (no round trip
 * per row). Every message carries a unique token `ref<conversation number>x<k>` so a search has one exact hit.
 * The GIN indexes are rebuilt after the bulk load, which is several times faster than maintaining them.
 */
export async function seedInbox(orgId: string, agentIds: string[], teamIds: string[], conversations: number, messagesPer: number) {
  const words = sql.raw(`(array[${WORDS.map((w) => `'${w}'`).join(",")}])`);
  const subjects = sql.raw(`(array[${SUBJECTS.map((s) => `'${s}'`).join(",")}])`);
  const agents = sql.raw(`(array[${agentIds.map((a) => `'${a}'::uuid`).join(",")}])`);
  const teams = sql.raw(`(array[${teamIds.map((t) => `'${t}'::uuid`).join(",")}])`);
  await db.execute(sql`insert into end_users (organization_id, email, first_name, last_name)
    select ${orgId}, 'bench-' || g || '@customer.example', 'Customer', 'N' || g from generate_series(1, 20000) g`);
  await db.execute(sql`
    with users as (select id, (row_number() over (order by id)) - 1 as n from end_users where organization_id = ${orgId})
    insert into conversations (organization_id, number, subject, status, priority, channel, requester_id, assignee_id, team_id,
      created_at, updated_at, last_message_at, last_message_preview)
    select ${orgId}, g, ${subjects}[1 + g % 8] || ' #' || g,
      (array['open','open','open','open','open','open','open','open','pending','pending','pending','snoozed','resolved','resolved','resolved','resolved','closed','closed','closed','closed'])[1 + g % 20]::conversation_status,
      (array['low','normal','normal','normal','high','urgent'])[1 + (g / 7) % 6]::conversation_priority, 'email', u.id,
      case when g % 5 = 0 then null else ${agents}[1 + g % ${agentIds.length}] end,
      case when g % 3 = 0 then null else ${teams}[1 + g % ${teamIds.length}] end,
      now() - make_interval(mins => ${conversations} - g + 600), now() - make_interval(mins => ${conversations} - g),
      now() - make_interval(mins => ${conversations} - g), 'Latest message of conversation ' || g
    from generate_series(1, ${conversations}) g join users u on u.n = g % 20000`);
  // Both GIN indexes are rebuilt after the load; the messages' insert trigger fills the conversations' search
  // documents in one pass for the whole statement (migration 0005).
  await db.execute(sql`drop index if exists messages_search_idx`);
  await db.execute(sql`drop index if exists conversations_search_document_idx`);
  await db.execute(sql`
    insert into messages (organization_id, conversation_id, direction, type, body, author_end_user_id, author_agent_id, created_at)
    select c.organization_id, c.id,
      (case when k % 2 = 1 then 'inbound' else 'outbound' end)::message_direction,
      (case when k % 7 = 0 then 'note' else 'reply' end)::message_type,
      'Hello, about my ' || ${words}[1 + (c.number + k) % 20] || ' and the ' || ${words}[1 + (c.number * k) % 20]
        || ': ' || ${words}[1 + (c.number * 3 + k) % 20] || ' ' || ${words}[1 + (k * 7) % 20] || '. Reference ref' || c.number || 'x' || k || '.',
      case when k % 2 = 1 then c.requester_id end, case when k % 2 = 0 then c.assignee_id end,
      c.created_at + make_interval(secs => k * 30)
    from conversations c cross join generate_series(1, ${messagesPer}) k where c.organization_id = ${orgId}`);
  await db.execute(sql`create index messages_search_idx on messages using gin (search)`);
  await db.execute(sql`create index conversations_search_document_idx on conversations using gin (search_document)`);
  await db.execute(sql`
    insert into conversation_tags (organization_id, conversation_id, tag_id)
    select c.organization_id, c.id, t.id from conversations c join tags t on t.organization_id = c.organization_id
    where c.organization_id = ${orgId} and (c.number + length(t.name)) % 9 = 0`);
  await db.execute(sql`update organizations set last_conversation_number = ${conversations} where id = ${orgId}`);
  // The insert trigger left every conversation row dead once: vacuum so index-only scans stay index-only.
  await db.execute(sql`vacuum analyze`);
}
