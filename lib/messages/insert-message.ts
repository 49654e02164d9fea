import { sql } from "drizzle-orm";
import { rows, type Tx } from "@/db/client";
import type { Ctx } from "../context";
import { isAutomationActor } from "../automation/enqueue";
import { recordMessageFacts } from "../reports/record-facts";
import { queueOutboundEmail } from "../channels/queue-outbound-email";
import { recordChange } from "../events/record";
import { serializeMessage, type MessageRecord } from "./serialize";

export type NewMessage = {
  conversationId: string;
  body: string;
  type: "reply" | "note";
  direction: "inbound" | "outbound";
  /** `api`: the organization's API identity (a server key writing without naming an agent), shown as "API". */
  author: { agentId: string; email: string } | { endUserId: string; email: string | null } | { api: true; email: null };
  externalId?: string;
  channel: string;
  /** Merged into the webhook event's data (e.g. `automated` for auto-replies, which automation must not answer). */
  eventData?: Record<string, unknown>;
};

const PREVIEW_CHARS = 140;

type Row = Omit<MessageRecord, "createdAt"> & { createdAt: string };

/**
 * Inserts a message with everything that belongs to it, in the caller's transaction and two round trips:
 * the message with the conversation's updated_at and last-message fields (one statement; the conversation's
 * search document follows by trigger, migration 0005), then its activity row, outbox event and webhook
 * deliveries (another).
 */
export async function insertMessage(tx: Tx, ctx: Ctx, input: NewMessage): Promise<MessageRecord> {
  const author = input.author;
  const isNote = input.type === "note";
  const [row] = await rows<Row>(
    sql`with message as (
      insert into messages (organization_id, conversation_id, direction, type, body, author_agent_id, author_end_user_id, sender_email, external_id, automated)
      values (${ctx.orgId}, ${input.conversationId}, ${input.direction}, ${input.type}, ${input.body},
        ${"agentId" in author ? author.agentId : null}, ${"endUserId" in author ? author.endUserId : null}, ${author.email}, ${input.externalId ?? null},
        ${isAutomationActor(ctx)})
      returning *
    ), conversation as (
      update conversations c set updated_at = m.created_at
        ${isNote ? sql`` : sql`, last_message_at = m.created_at, last_message_preview = left(m.body, ${PREVIEW_CHARS})`}
      from message m where c.id = m.conversation_id and c.organization_id = m.organization_id
    )
    select id, organization_id as "organizationId", conversation_id as "conversationId", direction, type, body,
      author_agent_id as "authorAgentId", author_end_user_id as "authorEndUserId", sender_email as "senderEmail",
      external_id as "externalId", to_json(created_at)#>>'{}' as "createdAt"
    from message`,
    tx,
  );
  const message: MessageRecord = { ...row!, createdAt: new Date(row!.createdAt) };
  await recordChange(tx, ctx, input.conversationId, {
    activity: { action: isNote ? "note" : "message", data: { message_id: message.id, direction: input.direction } },
    event: {
      type: isNote ? "note_created" : input.direction === "inbound" ? "message_in" : "message_out",
      data: { conversation_id: input.conversationId, message: serializeMessage(message), message_text: input.body, source_channel: input.channel, ...input.eventData },
    },
  });
  await recordMessageFacts(tx, ctx, message);
  // An agent's reply on an email conversation is mailed: queued here, in the message's own transaction.
  if (input.channel === "email" && input.direction === "outbound" && !isNote) await queueOutboundEmail(tx, ctx, message);
  return message;
}
