import type { Message } from "@/db/schema";

/** A message as the app reads it (its tsvector stays in the database). */
export type MessageRecord = Omit<Message, "search">;

/** The public shape of a message. `sender_type` is `user` for end users and `agent` for agents. */
export function serializeMessage(m: MessageRecord) {
  return {
    id: m.id,
    conversation_id: m.conversationId,
    sender_email: m.senderEmail,
    // Outbound without an agent is the organization itself (send-message through the API): shown as the agent side.
    sender_type: m.authorAgentId || (m.direction === "outbound" && !m.authorEndUserId) ? ("agent" as const) : ("user" as const),
    body: m.body,
    message_type: m.type,
    direction: m.direction,
    external_id: m.externalId,
    created_at: m.createdAt.toISOString(),
  };
}
export type MessageJson = ReturnType<typeof serializeMessage>;
