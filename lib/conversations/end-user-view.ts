import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { customAttributeDefinitions } from "@/db/schema";
import type { Ctx } from "../context";
import type { MessageJson } from "../messages/serialize";
import { getConversation } from "./scope";
import type { ConversationJson } from "./serialize";

/**
 * What an end user (a client-key request, the widget) may see of a conversation: the agent's display name but
 * not their email or id, no tags and no team (internal triage), and only the custom attributes whose definition
 * is marked public. Server keys and agents get the full shape.
 */
export type EndUserConversationJson = Omit<ConversationJson, "tags" | "team" | "assignee"> & { assignee: { name: string } | null };

/** An end user, or a client key acting for an anonymous visitor (creating a conversation without an identity). */
export const isEndUserCtx = (ctx: Ctx) => ctx.actor.type === "end_user" || (ctx.actor.type === "api_key" && ctx.actor.kind === "client");

/** Keys of this organization's conversation attributes marked public. */
export async function publicAttributeKeys(orgId: string): Promise<Set<string>> {
  const found = await db
    .select({ key: customAttributeDefinitions.key })
    .from(customAttributeDefinitions)
    .where(and(eq(customAttributeDefinitions.organizationId, orgId), eq(customAttributeDefinitions.entity, "conversation"), eq(customAttributeDefinitions.public, true)));
  return new Set(found.map((d) => d.key));
}

export function endUserConversation(c: ConversationJson, publicKeys: Set<string>): EndUserConversationJson {
  const { tags: _tags, team: _team, assignee, custom_attributes, ...rest } = c;
  const attributes = Object.fromEntries(Object.entries((custom_attributes ?? {}) as Record<string, unknown>).filter(([k]) => publicKeys.has(k)));
  return { ...rest, custom_attributes: attributes, assignee: assignee ? { name: assignee.name } : null };
}

/** Agents' addresses stay internal: an end user sees that an agent wrote, not from which mailbox. */
export function endUserMessage(m: MessageJson): MessageJson {
  return m.sender_type === "agent" ? { ...m, sender_email: null } : m;
}

/** The conversations as the caller may see them: unchanged for agents and server keys. */
export async function conversationsForViewer<T extends ConversationJson>(ctx: Ctx, list: T[]): Promise<(T | EndUserConversationJson)[]> {
  if (!isEndUserCtx(ctx)) return list;
  const keys = await publicAttributeKeys(ctx.orgId);
  return list.map((c) => endUserConversation(c, keys));
}

export async function conversationForViewer(ctx: Ctx, c: ConversationJson) {
  return (await conversationsForViewer(ctx, [c]))[0]!;
}

/** One conversation as the caller may see it (GET /conversations/{id}/). */
export async function getConversationForViewer(ctx: Ctx, id: string) {
  return conversationForViewer(ctx, await getConversation(ctx, id));
}
