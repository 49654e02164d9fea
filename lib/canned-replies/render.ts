import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import type { Ctx } from "../context";
import { getConversation } from "../conversations/scope";
import { notFound } from "../errors";
import { isUuid } from "../ids";
import { listCannedReplies } from "./manage-canned-replies";
import { renderCannedReply } from "./placeholders";

/** One template visible to the caller (shared, or the agent's own). */
export async function getCannedReply(ctx: Ctx, id: string) {
  const reply = isUuid(id) ? (await listCannedReplies(ctx)).find((r) => r.id === id) : undefined;
  if (!reply) throw notFound("Canned reply");
  return reply;
}

/**
 * The template's body with its placeholders filled for a conversation: the requester's, and the agent's (the
 * signed-in agent, or for an API key the conversation's assignee; empty when there is none).
 */
export async function renderCannedReplyFor(ctx: Ctx, id: string, conversationId: string) {
  const reply = await getCannedReply(ctx, id);
  const conversation = await getConversation(ctx, conversationId);
  const agentId = ctx.actor.type === "agent" ? ctx.actor.id : conversation.assignee?.id;
  const [agent] = agentId ? await rows<{ name: string }>(sql`select name from agents where id = ${agentId}`) : [];
  const r = conversation.requester;
  const body = renderCannedReply(reply.body, {
    "requester.first_name": r.first_name,
    "requester.last_name": r.last_name,
    "requester.name": [r.first_name, r.last_name].filter(Boolean).join(" ") || r.email,
    "requester.email": r.email,
    "agent.name": agent?.name ?? null,
    "agent.first_name": agent?.name.split(/\s+/)[0] ?? null,
    "conversation.number": conversation.number,
    "conversation.subject": conversation.subject,
  });
  return { body };
}
