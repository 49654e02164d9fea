import { sql } from "drizzle-orm";
import type { Conversation } from "@/db/schema";

/** What the public shape of a conversation is built from (see serializeConversation). */
export type ConversationView = {
  conversation: Pick<
    Conversation,
    "id" | "number" | "subject" | "status" | "priority" | "channel" | "metadata" | "customAttributes" | "snoozedUntil" | "mergedIntoId" | "createdAt" | "updatedAt" | "resolvedAt"
  >;
  requester: { id: string; email: string | null; firstName: string | null; lastName: string | null };
  assignee: { id: string; email: string; name: string } | null;
  team: { id: string; name: string } | null;
  tags: string[];
};

/**
 * The select list of a ConversationView over `conversations c` joined to `end_users u`, left-joined to
 * `agents a` and `teams tm`. Timestamps travel as ISO text so both drivers hand back the same thing.
 */
export const conversationViewColumns = sql.raw(`c.id, c.number, c.subject, c.status, c.priority, c.channel, c.metadata,
  c.custom_attributes, c.merged_into_id, to_json(c.snoozed_until)#>>'{}' as snoozed_until,
  to_json(c.created_at)#>>'{}' as created_at, to_json(c.updated_at)#>>'{}' as updated_at,
  to_json(c.resolved_at)#>>'{}' as resolved_at,
  u.id as requester_id, u.email as requester_email, u.first_name as requester_first_name, u.last_name as requester_last_name,
  a.id as assignee_id, a.email as assignee_email, a.name as assignee_name, tm.id as team_id, tm.name as team_name,
  coalesce((select array_agg(t.name order by t.name) from conversation_tags ct join tags t on t.id = ct.tag_id
    where ct.conversation_id = c.id), '{}') as tags`);

export type ConversationViewRow = {
  id: string;
  number: number;
  subject: string;
  status: Conversation["status"];
  priority: Conversation["priority"];
  channel: Conversation["channel"];
  metadata: Record<string, unknown>;
  custom_attributes: Record<string, unknown>;
  merged_into_id: string | null;
  snoozed_until: string | null;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
  requester_id: string;
  requester_email: string | null;
  requester_first_name: string | null;
  requester_last_name: string | null;
  assignee_id: string | null;
  assignee_email: string | null;
  assignee_name: string | null;
  team_id: string | null;
  team_name: string | null;
  tags: string[];
};

const date = (value: string | null) => (value === null ? null : new Date(value));

export function toConversationView(r: ConversationViewRow): ConversationView {
  return {
    conversation: {
      id: r.id,
      number: r.number,
      subject: r.subject,
      status: r.status,
      priority: r.priority,
      channel: r.channel,
      metadata: r.metadata,
      customAttributes: r.custom_attributes,
      snoozedUntil: date(r.snoozed_until),
      mergedIntoId: r.merged_into_id,
      createdAt: new Date(r.created_at),
      updatedAt: new Date(r.updated_at),
      resolvedAt: date(r.resolved_at),
    },
    requester: { id: r.requester_id, email: r.requester_email, firstName: r.requester_first_name, lastName: r.requester_last_name },
    assignee: r.assignee_id ? { id: r.assignee_id, email: r.assignee_email!, name: r.assignee_name! } : null,
    team: r.team_id ? { id: r.team_id, name: r.team_name! } : null,
    tags: r.tags,
  };
}
