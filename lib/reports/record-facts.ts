import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import type { Conversation } from "@/db/schema";
import type { Ctx } from "../context";
import { isAutomationActor } from "../automation/enqueue";
import { refreshSlaDueTimes } from "../sla/refresh-due-times";

const DONE: Conversation["status"][] = ["resolved", "closed"];

/** Business seconds between two SQL timestamps for the organization row aliased `o` (see migration *_reports_sql). */
export const businessSecondsSql = (start: SQL, end: SQL) =>
  sql`dexra_business_seconds(${start}, ${end}, o.business_hours, o.holidays, o.time_zone)`;

/**
 * Inserts the facts a SELECT yields (columns: organization_id, conversation_id, kind, agent_id, team_id,
 * started_at, occurred_at, business_seconds, score, message_id, detail) with their wall-clock and business durations, and adds them to the
 * daily roll-up, in one statement of the caller's transaction; a resolution or rating marks the one it replaces
 * (superseded_at). The SELECT must expose the organization as `o`.
 * Ratings stay out of the roll-up: a rating can be replaced, so CSAT is always read from the latest fact.
 */
async function insertFacts(tx: Tx, select: SQL) {
  await tx.execute(sql`with src as (${select}),
    fact as (
      insert into reporting_facts (organization_id, conversation_id, kind, agent_id, team_id, started_at, occurred_at, seconds, business_seconds, score, message_id, detail)
      select s.organization_id, s.conversation_id, s.kind, s.agent_id, s.team_id, s.started_at, s.occurred_at,
        case when s.started_at is null then null else greatest(0, floor(extract(epoch from s.occurred_at - s.started_at)))::int end,
        case when s.started_at is null then null else s.business_seconds end,
        s.score, s.message_id, s.detail
      from src s
      returning organization_id, conversation_id, kind, team_id, agent_id, occurred_at, seconds, business_seconds
    ), superseded as (
      -- A new resolution / rating replaces the conversation's previous one from now on (reports count the latest).
      update reporting_facts p set superseded_at = f.occurred_at from fact f
      where f.kind in ('resolved', 'rating') and p.organization_id = f.organization_id and p.conversation_id = f.conversation_id
        and p.kind = f.kind and p.superseded_at is null
    )
    insert into reporting_daily (organization_id, day, kind, team_id, agent_id, count, seconds_sum, business_seconds_sum)
    select f.organization_id, (f.occurred_at at time zone o.time_zone)::date, f.kind, f.team_id, f.agent_id,
      count(*), coalesce(sum(f.seconds), 0), coalesce(sum(f.business_seconds), 0)
    from fact f join organizations o on o.id = f.organization_id
    where f.kind <> 'rating'
    group by 1, 2, 3, 4, 5
    on conflict on constraint reporting_daily_key do update set
      count = reporting_daily.count + excluded.count,
      seconds_sum = reporting_daily.seconds_sum + excluded.seconds_sum,
      business_seconds_sum = reporting_daily.business_seconds_sum + excluded.business_seconds_sum,
      updated_at = now()`);
}

/** Fact: a conversation was created (called from createConversation). */
export async function recordConversationCreatedFact(tx: Tx, ctx: Ctx, conversationId: string) {
  await insertFacts(
    tx,
    sql`select c.organization_id, c.id as conversation_id, 'conversation_created' as kind, c.assignee_id as agent_id, c.team_id,
      null::timestamptz as started_at, c.created_at as occurred_at, null::int as business_seconds, null::smallint as score, null::uuid as message_id, null::text as detail
    from conversations c join organizations o on o.id = c.organization_id
    where c.organization_id = ${ctx.orgId} and c.id = ${conversationId}`,
  );
  await refreshSlaDueTimes(tx, conversationId);
}

/**
 * Facts for a message (called from insertMessage): its SLA clocks, and for an agent's reply (notes are not replies,
 * nor is an automation rule's canned reply)
 * the conversation's first response (the first outbound reply since creation) and this reply's wait, measured
 * from the customer's oldest message still unanswered when it was sent.
 */
export async function recordMessageFacts(
  tx: Tx,
  ctx: Ctx,
  message: { id: string; conversationId: string; direction: string; type: string; authorAgentId: string | null; createdAt: Date },
) {
  if (message.type !== "reply") return;
  // A customer's message starts a next-response clock; an agent's reply stops it (an automated one does not: the
  // SQL function skips messages marked automated).
  await refreshSlaDueTimes(tx, message.conversationId);
  // An automation rule's canned reply is no person's response: neither a first response nor a reply's wait, and
  // the customer's messages before it stay unanswered for the next human reply (messages.automated).
  if (message.direction !== "outbound" || isAutomationActor(ctx)) return;
  const at = sql`${message.createdAt.toISOString()}::timestamptz`;
  await insertFacts(
    tx,
    sql`with c as (
        select c.* from conversations c where c.organization_id = ${ctx.orgId} and c.id = ${message.conversationId}
      ), last_reply as (
        select max(m.created_at) as at from messages m
        where m.conversation_id = ${message.conversationId} and m.direction = 'outbound' and m.type = 'reply' and not m.automated
          and m.id <> ${message.id} and m.created_at <= ${at}
      ), waiting as (
        select min(m.created_at) as since from messages m, last_reply r
        where m.conversation_id = ${message.conversationId} and m.direction = 'inbound' and m.type = 'reply'
          and m.created_at > coalesce(r.at, '-infinity') and m.created_at <= ${at}
      ), src as (
        select 'first_response' as kind, c.created_at as started_at from c
        where not exists (select 1 from reporting_facts f where f.conversation_id = c.id and f.kind = 'first_response')
        union all
        select 'reply', w.since from waiting w where w.since is not null
      )
      select c.organization_id, c.id as conversation_id, s.kind, ${message.authorAgentId}::uuid as agent_id, c.team_id,
        s.started_at, ${at} as occurred_at, ${businessSecondsSql(sql`s.started_at`, at)} as business_seconds,
        null::smallint as score, ${message.id}::uuid as message_id, null::text as detail
      from src s, c join organizations o on o.id = c.organization_id`,
  );
}

/**
 * Facts for a status change (called from changeStatus after the row is updated): a resolution when it becomes
 * resolved/closed (merged conversations are not resolutions), a reopen when it leaves that state.
 */
export async function recordStatusFacts(tx: Tx, ctx: Ctx, current: Conversation, to: Conversation["status"]) {
  const resolving = DONE.includes(to) && !DONE.includes(current.status);
  const reopening = DONE.includes(current.status) && !DONE.includes(to);
  if (!resolving && !reopening) return;
  await refreshSlaDueTimes(tx, current.id);
  const started = resolving ? sql`c.created_at` : sql`${current.resolvedAt?.toISOString() ?? null}::timestamptz`;
  await insertFacts(
    tx,
    sql`select c.organization_id, c.id as conversation_id, ${resolving ? "resolved" : "reopened"}::text as kind, c.assignee_id as agent_id, c.team_id,
      ${started} as started_at, now() as occurred_at, ${businessSecondsSql(started, sql`now()`)} as business_seconds,
      null::smallint as score, null::uuid as message_id, null::text as detail
    from conversations c join organizations o on o.id = c.organization_id
    where c.organization_id = ${ctx.orgId} and c.id = ${current.id} ${resolving ? sql`and c.merged_into_id is null` : sql``}`,
  );
}

/** Fact: the requester rated the conversation (called from rateConversation; a new rating supersedes older ones). */
export async function recordRatingFact(tx: Tx, ctx: Ctx, conversationId: string, score: number, comment: string | null) {
  await insertFacts(
    tx,
    sql`select c.organization_id, c.id as conversation_id, 'rating' as kind, c.assignee_id as agent_id, c.team_id,
      null::timestamptz as started_at, now() as occurred_at, null::int as business_seconds, ${score}::smallint as score, null::uuid as message_id, ${comment}::text as detail
    from conversations c join organizations o on o.id = c.organization_id
    where c.organization_id = ${ctx.orgId} and c.id = ${conversationId}`,
  );
}

/** Fact: an SLA target passed unmet (called from the breach job); started_at is the due time, so seconds = lateness. */
export async function recordSlaBreachFact(tx: Tx, ctx: Ctx, conversationId: string, target: string, dueAt: Date) {
  const due = sql`${dueAt.toISOString()}::timestamptz`;
  await insertFacts(
    tx,
    sql`select c.organization_id, c.id as conversation_id, 'sla_breach' as kind, c.assignee_id as agent_id, c.team_id,
      ${due} as started_at, now() as occurred_at, ${businessSecondsSql(due, sql`now()`)} as business_seconds,
      null::smallint as score, null::uuid as message_id, ${target}::text as detail
    from conversations c join organizations o on o.id = c.organization_id
    where c.organization_id = ${ctx.orgId} and c.id = ${conversationId}`,
  );
}
