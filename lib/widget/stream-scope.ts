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
// conversation id → requester id, shared by every stream of this process: a signal fans out to all open
// widget streams, and each must not ask the database again. Requesters change only by the anonymous →
// verified merge, after which the messenger opens a new stream whose own list is read fresh (below).
const holder = globalThis as unknown as { __dexraWidgetOwners?: Map<string, Promise<string | null>> };
const owners = (holder.__dexraWidgetOwners ??= new Map());
const MAX_OWNERS = 50_000;

function requesterOf(orgId: string, conversationId: string): Promise<string | null> {
  let owner = owners.get(conversationId);
  if (!owner) {
    if (owners.size >= MAX_OWNERS) owners.delete(owners.keys().next().value!);
    owner = db
      .select({ requesterId: conversations.requesterId })
      .from(conversations)
      .where(and(eq(conversations.organizationId, orgId), eq(conversations.id, conversationId)))
      .limit(1)
      .then(([row]) => row?.requesterId ?? null);
    owner.catch(() => owners.delete(conversationId));
    owners.set(conversationId, owner);
  }
  return owner;
}

export function createWidgetScope(orgId: string, endUserId: string) {
  // The user's own conversations as of the stream's start, read from the database (never from the cache).
  let mine: Promise<Set<string>> | null = null;

  async function isMine(conversationId: string) {
    mine ??= db
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.organizationId, orgId), eq(conversations.requesterId, endUserId)))
      .then((rows) => new Set(rows.map((r) => r.id)));
    const own = await mine;
    if (own.has(conversationId)) return true;
    if ((await requesterOf(orgId, conversationId)) !== endUserId) return false;
    own.add(conversationId);
    return true;
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
