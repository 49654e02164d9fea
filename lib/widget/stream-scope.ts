import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { conversations } from "@/db/schema";
import type { LiveMessage } from "../live/types";

/** What the messenger hears: which of the visitor's conversations changed, and whether an agent is typing. */
export type WidgetEvent =
  | { type: "message"; conversation_id: string }
  | { type: "conversation"; conversation_id: string }
  | { type: "typing"; conversation_id: string; typing: boolean; name: string };

/** A visitor's typing travels as presence with this agent id prefix, so the inbox shows it like an agent's. */
export const VISITOR_PRESENCE_PREFIX = "visitor:";

const MESSAGE_TYPES = new Set(["message_in", "message_out"]);
const CONVERSATION_TYPES = new Set(["conversation_created", "conversation_status_changed", "conversation_resolved"]);

/**
 * Turns the organization's live signals into one end user's widget events. Only signals of conversations the
 * user requested pass, and only these kinds: never `note_created` (nor that a note exists), never other
 * users' conversations, never an agent merely viewing. Signals carry no content: the messenger re-reads
 * through the client-key API, which never returns notes.
 */
export function createWidgetScope(orgId: string, endUserId: string) {
  const mine = new Set<string>();
  const notMine = new Set<string>();
  let loaded: Promise<void> | null = null;

  async function isMine(conversationId: string) {
    loaded ??= db
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.organizationId, orgId), eq(conversations.requesterId, endUserId)))
      .then((rows) => rows.forEach((r) => mine.add(r.id)));
    await loaded;
    if (mine.has(conversationId)) return true;
    if (notMine.has(conversationId)) return false;
    const [row] = await db
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.organizationId, orgId), eq(conversations.id, conversationId), eq(conversations.requesterId, endUserId)))
      .limit(1);
    (row ? mine : notMine).add(conversationId);
    return Boolean(row);
  }

  return async function toWidgetEvent(message: LiveMessage): Promise<WidgetEvent | null> {
    if (message.orgId !== orgId || !message.conversationId) return null;
    let event: WidgetEvent | null = null;
    if (message.type === "presence") {
      if (!("agentId" in message) || message.agentId.startsWith(VISITOR_PRESENCE_PREFIX)) return null;
      const name = message.name.split(/\s+/)[0] ?? "Agent";
      event = { type: "typing", conversation_id: message.conversationId, typing: message.state === "typing", name };
    } else if (MESSAGE_TYPES.has(message.type)) event = { type: "message", conversation_id: message.conversationId };
    else if (CONVERSATION_TYPES.has(message.type)) event = { type: "conversation", conversation_id: message.conversationId };
    if (!event) return null;
    return (await isMine(message.conversationId)) ? event : null;
  };
}
