import { sql } from "drizzle-orm";
import { db, rows, type Tx } from "@/db/client";
import type { Conversation } from "@/db/schema";
import type { Ctx } from "../context";
import { claimAttachments } from "../attachments/attachments";
import { changeStatus } from "../conversations/change-status";
import { resolveLocked, setPendingLocked } from "../conversations/resolve-conversation";
import { lockConversationOrThrow } from "../conversations/scope";
import { invalid, notFound } from "../errors";
import { isUuid } from "../ids";
import { insertMessage, type NewMessage } from "./insert-message";
import { createMessageSchema, type CreateMessageInput } from "./schemas";
import { endUserMessage, isEndUserCtx } from "../conversations/end-user-view";
import { serializeMessage } from "./serialize";

const REOPENS: Conversation["status"][] = ["pending", "snoozed", "resolved", "closed"];

type Sender = { direction: NewMessage["direction"]; author: NewMessage["author"] };

type Locked = {
  status: Conversation["status"];
  channel: string;
  requester_id: string;
  requester_email: string | null;
  agent_id: string | null;
  agent_email: string | null;
};

/**
 * Locks the conversation (404 outside the caller's scope) and, in the same round trip, reads its requester
 * and the active agent with `email` (agents belong to the live organization; a sandbox shares its parent's).
 */
async function lockWithParticipants(tx: Tx, ctx: Ctx, conversationId: string, email: string | null) {
  if (!isUuid(conversationId)) throw notFound("Conversation");
  const [found] = await rows<Locked>(
    sql`select c.status, c.channel, u.id as requester_id, u.email as requester_email, a.id as agent_id, a.email as agent_email
    from conversations c
    join end_users u on u.id = c.requester_id
    left join lateral (
      select a.id, a.email from agents a
      where a.organization_id = (select coalesce(o.sandbox_of_id, o.id) from organizations o where o.id = c.organization_id)
        and a.deactivated_at is null and lower(a.email) = ${email}
      limit 1
    ) a on true
    where c.organization_id = ${ctx.orgId} and c.id = ${conversationId}
      ${ctx.actor.type === "end_user" ? sql`and c.requester_id = ${ctx.actor.id}` : sql``}
    for update of c`,
    tx,
  );
  if (!found) throw notFound("Conversation");
  return found;
}

/**
 * Who is sending, by the API's rules: the requester → inbound reply; an agent of the organization → outbound;
 * anyone else → 400. An end user (client key) always sends as themselves; an agent signed in sends as themselves.
 */
function resolveSender(ctx: Ctx, found: Locked, email: string | null, asApi = false): Sender {
  if (asApi && !email && ctx.actor.type === "api_key" && ctx.actor.kind === "server") return { direction: "outbound", author: { api: true, email: null } };
  const asRequester: Sender = { direction: "inbound", author: { endUserId: found.requester_id, email: found.requester_email } };
  const requesterEmail = found.requester_email?.toLowerCase();
  if (ctx.actor.type === "end_user") {
    if (email && email !== requesterEmail) throw invalid("user_email must be the requester's email", [{ path: ["user_email"], message: "not the requester" }]);
    return asRequester;
  }
  if (!email) throw invalid("user_email is required", [{ path: ["user_email"], message: "required" }]);
  if (requesterEmail && email === requesterEmail) return asRequester;
  if (!found.agent_id) throw invalid(`${email} is neither the requester nor an agent of this organization`, [{ path: ["user_email"], message: "unknown sender" }]);
  return { direction: "outbound", author: { agentId: found.agent_id, email: found.agent_email! } };
}

/**
 * Adds a message to a conversation with its activity and outbox rows. A requester's reply reopens a
 * pending, snoozed, resolved or closed conversation; notes are only for agents and never reach end users.
 * `asApi` (the /v1 reference API): a server key naming no sender writes as the organization's API identity.
 */
export async function createMessage(ctx: Ctx, conversationId: string, input: CreateMessageInput, options: { asApi?: boolean; thenStatus?: "pending" | "resolved" } = {}) {
  const params = createMessageSchema.parse(input);
  const email = params.user_email?.toLowerCase() ?? (ctx.actor.type === "agent" ? ctx.actor.email.toLowerCase() : null);
  return db.transaction(async (tx) => {
    const found = await lockWithParticipants(tx, ctx, conversationId, ctx.actor.type === "end_user" ? null : email);
    const sender = resolveSender(ctx, found, email, options.asApi);
    if (params.message_type === "note" && sender.direction !== "outbound") {
      throw invalid("only agents can write notes", [{ path: ["message_type"], message: "notes are for agents" }]);
    }
    const message = await insertMessage(tx, ctx, {
      conversationId,
      body: params.body,
      type: params.message_type,
      direction: sender.direction,
      author: sender.author,
      channel: found.channel,
    });
    if (params.attachment_ids) {
      await claimAttachments(tx, ctx.orgId, params.attachment_ids, { conversationId, messageId: message.id }, ctx.actor.type === "end_user" ? ctx.actor.id : undefined);
    }
    if (sender.direction === "inbound" && REOPENS.includes(found.status)) {
      await changeStatus(tx, ctx, await lockConversationOrThrow(tx, ctx, conversationId), "open");
    }
    // "Send and set pending / resolve": only an agent's reply changes the status, with the message or not at all.
    if (options.thenStatus) {
      if (params.message_type !== "reply" || sender.direction !== "outbound") {
        throw invalid("only an agent's reply can set the status", [{ path: ["then_status"], message: "only with a reply" }]);
      }
      const current = await lockConversationOrThrow(tx, ctx, conversationId);
      await (options.thenStatus === "resolved" ? resolveLocked : setPendingLocked)(tx, ctx, current);
    }
    return isEndUserCtx(ctx) ? endUserMessage(serializeMessage(message)) : serializeMessage(message);
  });
}
