import type postgres from "postgres";

/**
 * 100,000 conversations (and one message each) for one organization, in a handful of set-based statements:
 * generate_series inserts are the fastest way in (no client round trip per row).
 */
export async function seedConversations(sql: postgres.Sql, orgId: string, count: number) {
  await sql`insert into end_users (organization_id, email, first_name)
    select ${orgId}, 'bench-user-' || g || '@example.com', 'User ' || g from generate_series(1, 1000) g`;
  await sql`
    with users as (select id, (row_number() over (order by id)) - 1 as n from end_users where organization_id = ${orgId})
    insert into conversations (organization_id, number, subject, status, channel, requester_id, created_at, updated_at, last_message_at)
    select ${orgId}, g,
      'Bench conversation ' || g || ' about ' || (array['billing', 'shipping', 'login', 'refund'])[1 + g % 4],
      (array['open', 'pending', 'resolved', 'closed'])[1 + g % 4]::conversation_status, 'api', u.id,
      now() - make_interval(secs => ${count} - g), now() - make_interval(secs => ${count} - g), now() - make_interval(secs => ${count} - g)
    from generate_series(1, ${count}) g join users u on u.n = g % 1000`;
  await sql`
    insert into messages (organization_id, conversation_id, direction, type, body, author_end_user_id, sender_email, created_at)
    select c.organization_id, c.id, 'inbound', 'reply', 'Hello, I need help: ' || c.subject, c.requester_id, null, c.created_at
    from conversations c where c.organization_id = ${orgId}`;
  // The benchmark measures throughput, not the rate limiter: lift it for this organization.
  await sql`update organizations set last_conversation_number = ${count}, rate_limit_per_minute = 1000000000
    where id = ${orgId} or sandbox_of_id = ${orgId}`;
  // As autovacuum would have by now: fresh statistics and a visibility map, so counts can use index-only scans.
  await sql`vacuum analyze`;
  return sql<{ id: string }[]>`select id from conversations where organization_id = ${orgId} order by number desc limit 1000`;
}
