-- Seconds of [p_start, p_end) that fall inside the organization's opening hours, in its time zone, minus holidays.
-- p_hours: {"mon": [{"open": "09:00", "close": "17:00"}], ...} or null (always open); p_holidays: ["2026-12-25", ...].
-- The one definition of business time: facts (lib/reports/record-facts.ts), SLA due times and backfills call it.
create or replace function dexra_business_seconds(p_start timestamptz, p_end timestamptz, p_hours jsonb, p_holidays jsonb, p_tz text)
returns integer language plpgsql stable parallel safe as $$
declare
  d date;
  iv jsonb;
  o timestamptz;
  c timestamptz;
  total double precision := 0;
begin
  if p_start is null or p_end is null or p_end <= p_start then return 0; end if;
  if p_hours is null then return floor(extract(epoch from p_end - p_start))::integer; end if;
  for d in select g::date from generate_series((p_start at time zone p_tz)::date, (p_end at time zone p_tz)::date, interval '1 day') g loop
    continue when coalesce(p_holidays, '[]'::jsonb) ? to_char(d, 'YYYY-MM-DD');
    for iv in select value from jsonb_array_elements(coalesce(p_hours -> (array['sun','mon','tue','wed','thu','fri','sat'])[extract(dow from d)::int + 1], '[]'::jsonb)) loop
      -- Local wall-clock opening and closing of that date, so daylight-saving days are 23 or 25 hours long.
      o := greatest((d + (iv ->> 'open')::time) at time zone p_tz, p_start);
      c := least((d + (iv ->> 'close')::time) at time zone p_tz, p_end);
      if c > o then total := total + extract(epoch from c - o); end if;
    end loop;
  end loop;
  return floor(total)::integer;
end $$;
--> statement-breakpoint
-- Rebuilds an organization's daily roll-up from its facts (after a backfill or a time-zone change).
create or replace function dexra_report_rollup(p_org uuid) returns void language sql as $$
  delete from reporting_daily where organization_id = p_org;
  insert into reporting_daily (organization_id, day, kind, team_id, agent_id, count, seconds_sum, business_seconds_sum)
  select f.organization_id, (f.occurred_at at time zone o.time_zone)::date, f.kind, f.team_id, f.agent_id,
    count(*), coalesce(sum(f.seconds), 0), coalesce(sum(f.business_seconds), 0)
  from reporting_facts f join organizations o on o.id = f.organization_id
  where f.organization_id = p_org and f.kind <> 'rating'
  group by 1, 2, 3, 4, 5;
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
  perform dexra_report_rollup(p_org);
  return inserted;
end $$;
--> statement-breakpoint
-- Conversations that existed before this migration get their facts now.
select dexra_report_backfill(id) from organizations;
