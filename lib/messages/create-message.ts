import { eq } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { endUsers, type Conversation } from "@/db/schema";
import type { Ctx } from "../context";
import { changeStatus } from "../conversations/change-status";
import { findAgentByEmail } from "../conversations/agents";
import { lockConversationOrThrow } from "../conversations/scope";
import { invalid } from "../errors";
import { insertMessage, type NewMessage } from "./insert-message";
import { createMessageSchema, type CreateMessageInput } from "./schemas";
import { serializeMessage } from "./serialize";

const REOPENS: Conversation["status"][] = ["pending", "snoozed", "resolved", "closed"];

type Sender = { direction: NewMessage["direction"]; author: NewMessage["author"] };

/**
 * Who is sending, by the API's rules: the requester → inbound reply; an agent of the organization → outbound;
 * anyone else → 400. An end user (client key) always sends as themselves; an agent signed in sends as themselves.
 */
async function resolveSender(tx: Tx, ctx: Ctx, conversation: Conversation, email: string | undefined): Promise<Sender> {
  const [requester] = await tx.select().from(endUsers).where(eq(endUsers.id, conversation.requesterId));
  const asRequester: Sender = { direction: "inbound", author: { endUserId: requester!.id, email: requester!.email } };
  if (ctx.actor.type === "end_user") {
    if (email && email !== requester!.email?.toLowerCase()) throw invalid("user_email must be the requester's email", [{ path: ["user_email"], message: "not the requester" }]);
    return asRequester;
  }
  if (!email && ctx.actor.type === "agent") email = ctx.actor.email;
  if (!email) throw invalid("user_email is required", [{ path: ["user_email"], message: "required" }]);
  if (requester!.email && email === requester!.email.toLowerCase()) return asRequester;
  const agent = await findAgentByEmail(tx, ctx, email);
  if (!agent) throw invalid(`${email} is neither the requester nor an agent of this organization`, [{ path: ["user_email"], message: "unknown sender" }]);
  return { direction: "outbound", author: { agentId: agent.id, email: agent.email } };
}

/**
 * Adds a message to a conversation with its activity and outbox rows. A requester's reply reopens a
 * pending, snoozed, resolved or closed conversation; notes are only for agents and never reach end users.
 */
export async function createMessage(ctx: Ctx, conversationId: string, input: CreateMessageInput) {
  const params = createMessageSchema.parse(input);
  return db.transaction(async (tx) => {
    const conversation = await lockConversationOrThrow(tx, ctx, conversationId);
    const sender = await resolveSender(tx, ctx, conversation, params.user_email);
    if (params.message_type === "note" && sender.direction !== "outbound") {
      throw invalid("only agents can write notes", [{ path: ["message_type"], message: "notes are for agents" }]);
    }
    const message = await insertMessage(tx, ctx, {
      conversationId,
      body: params.body,
      type: params.message_type,
      direction: sender.direction,
      author: sender.author,
      channel: conversation.channel,
    });
    if (sender.direction === "inbound" && REOPENS.includes(conversation.status)) await changeStatus(tx, ctx, conversation, "open");
    return serializeMessage(message);
  });
}
