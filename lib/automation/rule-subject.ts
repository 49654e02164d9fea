import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import type { Ctx } from "../context";
import { businessHoursStatusAt } from "../business-hours/status";
import { getBusinessHours } from "../business-hours/manage-business-hours";
import type { RuleSubject } from "./conditions";

type Row = { channel: string; priority: string; subject: string; tags: string[]; attributes: Record<string, unknown>; message_text: string | null };

/** The conversation as the conditions see it, in one round trip (plus the schedule when a rule asks about hours). */
export async function loadRuleSubject(ctx: Ctx, conversationId: string, eventId: string | null, needsHours: boolean): Promise<RuleSubject | null> {
  const [row] = await rows<Row>(sql`
    select c.channel, c.priority, c.subject, u.custom_attributes as attributes,
      coalesce((select array_agg(t.name) from conversation_tags ct join tags t on t.id = ct.tag_id where ct.conversation_id = c.id), '{}') as tags,
      coalesce(
        (select e.data->>'message_text' from events e where e.id = ${eventId}::uuid and e.organization_id = c.organization_id),
        (select m.body from messages m where m.conversation_id = c.id and m.type = 'reply' order by m.created_at, m.id limit 1)
      ) as message_text
    from conversations c join end_users u on u.id = c.requester_id
    where c.organization_id = ${ctx.orgId} and c.id = ${conversationId}`);
  if (!row) return null;
  const businessOpen = needsHours ? businessHoursStatusAt(await getBusinessHours(ctx), new Date()).open : true;
  return {
    channel: row.channel,
    priority: row.priority,
    subject: row.subject,
    tags: row.tags,
    requesterAttributes: row.attributes ?? {},
    messageText: row.message_text,
    businessOpen,
  };
}
