-- Each resolution / rating fact that a later one of the same conversation replaced gets superseded_at = the
-- later one's time (lib/reports/record-facts.ts sets it as things happen; this fills it for existing facts and
-- backfills). Reports count a conversation's last resolution / latest rating in a range with it.
create or replace function dexra_report_supersede(p_org uuid) returns void language sql as $$
  update reporting_facts f set superseded_at = n.next_at
  from (
    select id, lead(occurred_at) over (partition by conversation_id, kind order by occurred_at, id) as next_at
    from reporting_facts where organization_id = p_org and kind in ('resolved', 'rating')
  ) n
  where f.id = n.id and n.next_at is not null and f.superseded_at is distinct from n.next_at;
$$;
--> statement-breakpoint
-- Writes the facts of conversations that have none yet (data from before reports existed, imports, seeds),
-- by the rules lib/reports/record-facts.ts applies as things happen, then rebuilds the roll-up.
create or replace function dexra_report_backfill(p_org uuid) returns integer language plpgsql as $$
declare inserted integer;
begin
  with todo as (
    select c.* from conversations c
    where c.organization_id = p_org and not exists (select 1 from reporting_facts f where f.conversation_id = c.id)
  ), replies as (
    select m.conversation_id, m.id, m.direction, m.author_agent_id, m.created_at,
      -- outbound replies sent before this message: an inbound message is answered by the next outbound reply
      coalesce(sum(case when m.direction = 'outbound' then 1 else 0 end) over (partition by m.conversation_id order by m.created_at, m.id
        rows between unbounded preceding and 1 preceding), 0) as answered_before
    from messages m join todo t on t.id = m.conversation_id
    where m.type = 'reply'
  ), grouped as (
    -- An outbound reply and the inbound messages it answers share answered_before: one window finds the oldest.
    select r.*, min(case when r.direction = 'inbound' then r.created_at end) over (partition by r.conversation_id, r.answered_before) as since
    from replies r
  ), waits as (
    select g.conversation_id, g.id, g.author_agent_id, g.created_at, g.since, g.answered_before = 0 as first
    from grouped g where g.direction = 'outbound'
  ), status_moves as (
    select a.conversation_id, a.created_at, a.data ->> 'from' as from_status, a.data ->> 'to' as to_status
    from activities a join todo t on t.id = a.conversation_id
    where a.action = 'status_changed'
  ), src as (
    select t.id as conversation_id, 'conversation_created' as kind, t.assignee_id as agent_id, null::timestamptz as started_at, t.created_at as occurred_at,
      null::smallint as score, null::uuid as message_id, null::text as detail
    from todo t
    union all
    select w.conversation_id, 'first_response', w.author_agent_id, t.created_at, w.created_at, null, w.id, null
    from waits w join todo t on t.id = w.conversation_id where w.first
    union all
    select w.conversation_id, 'reply', w.author_agent_id, w.since, w.created_at, null, w.id, null from waits w where w.since is not null
    union all
    select s.conversation_id, 'resolved', t.assignee_id, t.created_at, s.created_at, null, null, null
    from status_moves s join todo t on t.id = s.conversation_id
    where s.to_status in ('resolved', 'closed') and s.from_status not in ('resolved', 'closed') and t.merged_into_id is null
    union all
    select t.id, 'resolved', t.assignee_id, t.created_at, t.resolved_at, null, null, null
    from todo t where t.resolved_at is not null and t.merged_into_id is null
      and not exists (select 1 from status_moves s where s.conversation_id = t.id and s.to_status in ('resolved', 'closed'))
    union all
    select s.conversation_id, 'reopened', t.assignee_id,
      (select max(p.created_at) from status_moves p where p.conversation_id = s.conversation_id and p.created_at < s.created_at and p.to_status in ('resolved', 'closed')),
      s.created_at, null, null, null
    from status_moves s join todo t on t.id = s.conversation_id
    where s.from_status in ('resolved', 'closed') and s.to_status not in ('resolved', 'closed')
    union all
    select r.conversation_id, 'rating', t.assignee_id, null, r.updated_at, r.score, null, r.comment
    from ratings r join todo t on t.id = r.conversation_id
    union all
    -- Breaches the SLA job recorded (lib/sla/mark-breaches.ts logs each as an activity with its target and due time).
    select a.conversation_id, 'sla_breach', t.assignee_id, (a.data ->> 'due_at')::timestamptz, a.created_at, null, null, a.data ->> 'target'
    from activities a join todo t on t.id = a.conversation_id
    where a.action = 'sla_breached'
  )
  insert into reporting_facts (organization_id, conversation_id, kind, agent_id, team_id, started_at, occurred_at, seconds, business_seconds, score, message_id, detail)
  select p_org, s.conversation_id, s.kind, s.agent_id, t.team_id, s.started_at, s.occurred_at,
    case when s.started_at is null then null else greatest(0, floor(extract(epoch from s.occurred_at - s.started_at)))::int end,
    case when s.started_at is null then null else dexra_business_seconds(s.started_at, s.occurred_at, o.business_hours, o.holidays, o.time_zone) end,
    s.score, s.message_id, s.detail
  from src s join todo t on t.id = s.conversation_id join organizations o on o.id = p_org
  order by s.occurred_at;
  get diagnostics inserted = row_count;
  perform dexra_report_supersede(p_org);
  perform dexra_report_rollup(p_org);
  return inserted;
end $$;
--> statement-breakpoint
-- The daily roll-up follows facts that leave (deleted with their conversation) or change agent or team (set to
-- null when an agent or team is deleted), so the roll-up always sums the facts it stands for.
-- Adds (p_sign 1) or takes away (-1) facts (a jsonb array of reporting_facts rows) from the daily roll-up.
create or replace function dexra_report_rollup_add(p_facts jsonb, p_sign integer) returns void language sql as $$
  insert into reporting_daily (organization_id, day, kind, team_id, agent_id, count, seconds_sum, business_seconds_sum)
  select f.organization_id, (f.occurred_at at time zone o.time_zone)::date, f.kind, f.team_id, f.agent_id,
    p_sign * count(*), p_sign * coalesce(sum(f.seconds), 0), p_sign * coalesce(sum(f.business_seconds), 0)
  from jsonb_populate_recordset(null::reporting_facts, coalesce(p_facts, '[]'::jsonb)) f join organizations o on o.id = f.organization_id
  group by 1, 2, 3, 4, 5
  on conflict on constraint reporting_daily_key do update set
    count = reporting_daily.count + excluded.count,
    seconds_sum = reporting_daily.seconds_sum + excluded.seconds_sum,
    business_seconds_sum = reporting_daily.business_seconds_sum + excluded.business_seconds_sum,
    updated_at = now();
$$;
--> statement-breakpoint
create or replace function dexra_report_rollup_follow() returns trigger language plpgsql as $$
begin
  -- A statement naming a transition table is planned only when it runs: `added` exists for updates only.
  if TG_OP = 'DELETE' then
    perform dexra_report_rollup_add(jsonb_agg(to_jsonb(f)), -1) from gone f where f.kind <> 'rating';
  else
    perform dexra_report_rollup_add(jsonb_agg(to_jsonb(o)), -1), dexra_report_rollup_add(jsonb_agg(to_jsonb(n)), 1)
    from gone o join added n on n.id = o.id
    where o.kind <> 'rating' and (n.agent_id, n.team_id) is distinct from (o.agent_id, o.team_id);
  end if;
  return null;
end $$;
--> statement-breakpoint
drop trigger if exists reporting_facts_rollup_delete on reporting_facts;
--> statement-breakpoint
create trigger reporting_facts_rollup_delete after delete on reporting_facts
  referencing old table as gone for each statement execute function dexra_report_rollup_follow();
--> statement-breakpoint
drop trigger if exists reporting_facts_rollup_update on reporting_facts;
--> statement-breakpoint
create trigger reporting_facts_rollup_update after update on reporting_facts
  referencing old table as gone new table as added for each statement execute function dexra_report_rollup_follow();
--> statement-breakpoint
select dexra_report_supersede(id) from organizations;
--> statement-breakpoint
-- Existing roll-ups were kept apart from deletions until now: rebuilt from the facts once.
select dexra_report_rollup(id) from organizations;
