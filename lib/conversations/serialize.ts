import type { ConversationView } from "./conversation-view";

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** The public shape of a conversation (API responses, webhook payloads, the inbox). */
export function serializeConversation(row: ConversationView) {
  const c = row.conversation;
  return {
    id: c.id,
    number: c.number,
    subject: c.subject,
    status: c.status,
    priority: c.priority,
    channel: c.channel,
    metadata: c.metadata,
    tags: row.tags,
    custom_attributes: c.customAttributes,
    requester: {
      id: row.requester.id,
      email: row.requester.email,
      first_name: row.requester.firstName,
      last_name: row.requester.lastName,
    },
    assignee: row.assignee ? { id: row.assignee.id, email: row.assignee.email, name: row.assignee.name } : null,
    team: row.team ? { id: row.team.id, name: row.team.name } : null,
    snoozed_until: iso(c.snoozedUntil),
    merged_into_id: c.mergedIntoId,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
    resolved_at: iso(c.resolvedAt),
  };
}
export type ConversationJson = ReturnType<typeof serializeConversation>;
