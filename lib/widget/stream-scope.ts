import { and, eq, sql } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { conversations } from "@/db/schema";
import { LIVE_CHANNEL } from "../events/types";
import type { LiveMessage } from "../live/types";

/** The live signal a merge sends per moved conversation (carries `requesterId`, the new owner). */
export const REQUESTER_CHANGED = "requester_changed";

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
// verified merge, which sends a `requester_changed` signal per moved conversation (signalRequesterChanged):
// every process updates this cache and every open stream its own list when it hears it, in arrival order.
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

/**
 * In the merge's transaction (so heard only if it commits): the conversations now belong to `requesterId`.
 * Not an event (no webhook, no sequence number): only the live streams need it.
 */
export async function signalRequesterChanged(tx: Tx, orgId: string, conversationIds: string[], requesterId: string) {
  if (!conversationIds.length) return;
  await tx.execute(sql`select pg_notify(${LIVE_CHANNEL}, json_build_object('orgId', ${orgId}::text, 'conversationId', id::text,
      'type', ${REQUESTER_CHANGED}::text, 'requesterId', ${requesterId}::text)::text)
    from unnest(${`{${conversationIds.join(",")}}`}::uuid[]) as id`);
}

export function createWidgetScope(orgId: string, endUserId: string) {
  // The user's own conversations as of the stream's start, read from the database (never from the cache).
  let mine: Promise<Set<string>> | null = null;
  // Ownership changes heard since then (a merge): they win over the list read at the start.
  const changed = new Map<string, boolean>();

  async function isMine(conversationId: string) {
    const known = changed.get(conversationId);
    if (known !== undefined) return known;
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
    if (message.type === REQUESTER_CHANGED) {
      // Applied before any await, so signals that follow (a reply right after the merge) already see it.
      const requesterId = (message as { requesterId?: string }).requesterId ?? null;
      owners.set(message.conversationId, Promise.resolve(requesterId));
      changed.set(message.conversationId, requesterId === endUserId);
      // The new owner's messenger loads the conversation it just received.
      return requesterId === endUserId ? { type: "conversation", conversation_id: message.conversationId } : null;
    }
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
