-- A creation is credited to the conversation's current assignee and team (reports filter creations by the
-- conversation's owner): its fact follows every reassignment, whatever path makes it, in the same transaction,
-- so team and agent filters read the fact's own columns and the daily roll-up (which follows its facts'
-- agent and team, migration 16_report_speed_sql) answers filtered creation counts too.
create or replace function dexra_report_follow_owner() returns trigger language plpgsql as $$
begin
  update reporting_facts set agent_id = new.assignee_id, team_id = new.team_id
  where conversation_id = new.id and kind = 'conversation_created'
    and (agent_id, team_id) is distinct from (new.assignee_id, new.team_id);
  return null;
end $$;
--> statement-breakpoint
drop trigger if exists conversations_report_owner on conversations;
--> statement-breakpoint
create trigger conversations_report_owner after update of assignee_id, team_id on conversations
  for each row when (old.assignee_id is distinct from new.assignee_id or old.team_id is distinct from new.team_id)
  execute function dexra_report_follow_owner();
--> statement-breakpoint
update reporting_facts f set agent_id = c.assignee_id, team_id = c.team_id
from conversations c
where f.conversation_id = c.id and f.kind = 'conversation_created' and (f.agent_id, f.team_id) is distinct from (c.assignee_id, c.team_id);
