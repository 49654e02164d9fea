-- Recomputes a conversation's SLA policy and due times from its current state, in the caller's transaction:
-- first response (until an agent replies; an automation rule's canned reply, messages.automated, is no answer),
-- next response (the customer's oldest unanswered message), resolution
-- (until resolved). The first enabled policy by position whose priority, team and tag match applies.
create or replace function dexra_sla_refresh(p_id uuid) returns void language plpgsql as $$
declare
  c conversations%rowtype;
  o organizations%rowtype;
  p sla_policies%rowtype;
  hours jsonb;
  answered boolean;
  waiting timestamptz;
  v_first timestamptz;
  v_next timestamptz;
  v_resolution timestamptz;
begin
  select * into c from conversations where id = p_id;
  if not found then return; end if;
  select * into o from organizations where id = c.organization_id;
  select sp.* into p from sla_policies sp
  where sp.organization_id = coalesce(o.sandbox_of_id, o.id) and sp.enabled
    and (sp.priority is null or sp.priority = c.priority)
    and (sp.team_id is null or sp.team_id = c.team_id)
    and (sp.tag_id is null or exists (select 1 from conversation_tags ct where ct.conversation_id = c.id and ct.tag_id = sp.tag_id))
  order by sp.position, sp.created_at
  limit 1;
  if not found then
    if c.sla_policy_id is not null then
      update conversations set sla_policy_id = null, first_response_due_at = null, next_response_due_at = null, resolution_due_at = null where id = p_id;
    end if;
    return;
  end if;
  hours := case when p.business_hours then o.business_hours else null end;
  select max(m.created_at) is not null, coalesce(max(m.created_at), '-infinity') into answered, waiting
  from messages m where m.conversation_id = p_id and m.direction = 'outbound' and m.type = 'reply' and not m.automated;
  select min(m.created_at) into waiting from messages m
  where m.conversation_id = p_id and m.direction = 'inbound' and m.type = 'reply' and m.created_at > waiting;
  if not answered and p.first_response_seconds is not null then
    v_first := dexra_business_add(c.created_at, p.first_response_seconds, hours, o.holidays, o.time_zone);
  end if;
  if answered and waiting is not null and p.next_response_seconds is not null then
    v_next := dexra_business_add(waiting, p.next_response_seconds, hours, o.holidays, o.time_zone);
  end if;
  if c.status not in ('resolved', 'closed') and p.resolution_seconds is not null then
    v_resolution := dexra_business_add(c.created_at, p.resolution_seconds, hours, o.holidays, o.time_zone);
  end if;
  if (c.sla_policy_id, c.first_response_due_at, c.next_response_due_at, c.resolution_due_at) is distinct from (p.id, v_first, v_next, v_resolution) then
    update conversations set sla_policy_id = p.id, first_response_due_at = v_first, next_response_due_at = v_next, resolution_due_at = v_resolution
    where id = p_id;
  end if;
end $$;
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
    -- An automation rule's canned reply (messages.automated) is no response: skipped as the live path skips it.
    where m.type = 'reply' and not (m.direction = 'outbound' and m.automated)
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
-- Messages automation rules sent before messages.automated existed: their outbound event carried `automated`,
-- their activity names the rule as its actor.
update messages m set automated = true
from (
  select (e.data -> 'message' ->> 'id')::uuid as id from events e where e.type = 'message_out' and e.data ->> 'automated' = 'true'
  union
  select (a.data ->> 'message_id')::uuid from activities a
  where a.action = 'message' and a.actor_type = 'system' and a.actor_name like 'Automation “%'
) r
where m.id = r.id and m.direction = 'outbound' and not m.automated;
--> statement-breakpoint
-- Their conversations' facts are written again from history without them (first response, reply waits), and
-- their SLA due times recomputed.
create temp table dexra_automated_conversations as
  select distinct organization_id, conversation_id from messages where automated;
--> statement-breakpoint
delete from reporting_facts f using dexra_automated_conversations a where f.conversation_id = a.conversation_id;
--> statement-breakpoint
select dexra_report_backfill(o.organization_id) from (select distinct organization_id from dexra_automated_conversations) o;
--> statement-breakpoint
select dexra_sla_refresh(conversation_id) from dexra_automated_conversations;
--> statement-breakpoint
drop table dexra_automated_conversations;
