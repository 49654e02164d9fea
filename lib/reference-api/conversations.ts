import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import type { Ctx } from "../context";
import { createConversation } from "../conversations/create-conversation";
import { listConversations } from "../conversations/list-conversations";
import { conversationForViewer, isEndUserCtx } from "../conversations/end-user-view";
import { getConversation, isEndUser } from "../conversations/scope";
import { decodeCursor, encodeCursor } from "../inbox/cursor";
import {
  v1CreateConversationSchema,
  v1ListConversationsQuerySchema,
  type V1CreateConversationInput,
  type V1ListConversationsQuery,
} from "./schemas";

/** The last message of each listed conversation (end users never see private notes). */
async function lastMessages(ctx: Ctx, ids: string[]) {
  if (ids.length === 0) return new Map<string, { id: string; text: string }>();
  const found = await rows<{ conversation_id: string; id: string; text: string }>(sql`
    select distinct on (conversation_id) conversation_id, id, body as text from messages
    where organization_id = ${ctx.orgId} and conversation_id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})
      ${isEndUser(ctx) ? sql`and type = 'reply'` : sql``}
    order by conversation_id, created_at desc, id desc`);
  return new Map(found.map((m) => [m.conversation_id, { id: m.id, text: m.text }]));
}

/** `GET /v1/conversations`: newest first, an opaque keyset cursor, the filtered set's total. */
export async function listV1Conversations(ctx: Ctx, query: V1ListConversationsQuery) {
  const params = v1ListConversationsQuerySchema.parse(query);
  const after = params.cursor ? decodeCursor(params.cursor) : null;
  const page = await listConversations(ctx, { limit: params.limit, status: params.status }, { after, lookAhead: true });
  const last = await lastMessages(ctx, page.results.map((c) => c.id));
  return {
    data: page.results.map((c) => ({ id: c.id, status: c.status, subject: c.subject, created_at: c.created_at, last_message: last.get(c.id) ?? null })),
    meta: { total: page.count, next_cursor: page.next ? encodeCursor(page.next) : null },
  };
}

/** `POST /v1/conversations`: the requester by their id in the customer's system; a client key creates for its own end user. */
export async function createV1Conversation(ctx: Ctx, input: V1CreateConversationInput) {
  const params = v1CreateConversationSchema.parse(input);
  const requesterId = ctx.actor.type === "end_user" ? ctx.actor.id : undefined;
  const { conversation } = await createConversation(ctx, { subject: params.subject ?? "(no subject)", channel: "api" }, { requesterId, externalId: params.user_id, tags: params.tags });
  return { id: conversation.id, status: conversation.status, created_at: conversation.created_at };
}

/**
 * `GET /v1/conversations/:id`: the conversation with its participants (the requester, then every agent who wrote).
 * An end user gets their view: no tags, team or internal attributes, and agents by name only, never note authors.
 */
export async function getV1Conversation(ctx: Ctx, id: string) {
  const endUser = isEndUserCtx(ctx);
  const conversation = await getConversation(ctx, id);
  const agents = await rows<{ id: string; email: string; name: string }>(sql`
    select a.id, a.email, a.name from agents a
    where a.id in (select m.author_agent_id from messages m where m.organization_id = ${ctx.orgId} and m.conversation_id = ${conversation.id}
      ${endUser ? sql`and m.type = 'reply'` : sql``})
    order by a.name, a.id`);
  const r = conversation.requester;
  const requesterName = [r.first_name, r.last_name].filter(Boolean).join(" ") || null;
  const participants = [
    { type: "user" as const, id: r.id, email: r.email, name: requesterName },
    ...agents.map((a) => ({ type: "agent" as const, id: a.id, email: endUser ? null : a.email, name: a.name })),
  ];
  return { ...(await conversationForViewer(ctx, conversation)), participants };
}
