-- The instant p_seconds of opening hours after p_start (hours null: calendar time). The inverse of
-- dexra_business_seconds (migration 16_reporting_facts_sql): SLA due times are computed with it.
create or replace function dexra_business_add(p_start timestamptz, p_seconds integer, p_hours jsonb, p_holidays jsonb, p_tz text)
returns timestamptz language plpgsql stable parallel safe as $$
declare
  d date;
  iv jsonb;
  o timestamptz;
  c timestamptz;
  remaining double precision := p_seconds;
begin
  if p_start is null or p_seconds is null then return null; end if;
  if p_hours is null then return p_start + make_interval(secs => p_seconds); end if;
  d := (p_start at time zone p_tz)::date;
  -- Two years of days at most: a schedule with no opening hours has no due time.
  for i in 1..730 loop
    if not (coalesce(p_holidays, '[]'::jsonb) ? to_char(d, 'YYYY-MM-DD')) then
      for iv in select value from jsonb_array_elements(coalesce(p_hours -> (array['sun','mon','tue','wed','thu','fri','sat'])[extract(dow from d)::int + 1], '[]'::jsonb)) loop
        o := greatest((d + (iv ->> 'open')::time) at time zone p_tz, p_start);
        c := (d + (iv ->> 'close')::time) at time zone p_tz;
        if c > o then
          if extract(epoch from c - o) >= remaining then return o + make_interval(secs => remaining); end if;
          remaining := remaining - extract(epoch from c - o);
        end if;
      end loop;
    end if;
    d := d + 1;
  end loop;
  return null;
end $$;
--> statement-breakpoint
-- Recomputes a conversation's SLA policy and due times from its current state, in the caller's transaction:
-- first response (until an agent replies), next response (the customer's oldest unanswered message), resolution
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
  from messages m where m.conversation_id = p_id and m.direction = 'outbound' and m.type = 'reply';
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
