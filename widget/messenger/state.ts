import { ApiFailure, callApi, isExpired, jwtExpiry, type Identity } from "./api";
import { createStore } from "./storage";
import type { Conversation, Message, PageConfig, Profile, Visitor } from "./types";

export type Screen = { name: "home" } | { name: "new" } | { name: "conversation"; id: string };

/** The messenger's whole state; views read it, actions below change it and call `changed`. */
export function createState(config: PageConfig) {
  const store = createStore(config.key);
  const stored = store.token();
  return {
    config,
    store,
    identity: (stored ? { kind: "anonymous", token: stored } : { kind: "none" }) as Identity,
    pendingProfile: null as Profile | null,
    visitor: null as Visitor | null,
    conversations: [] as Conversation[],
    messages: new Map<string, Message[]>(),
    typing: new Map<string, string>(),
    lastRead: store.lastRead(),
    rated: new Set(store.rated()),
    screen: { name: "home" } as Screen,
    visible: false,
    pageUrl: null as string | null,
    blocked: null as string | null,
    expired: false,
    notice: null as string | null,
    /** Files chosen for the next message of the open conversation (uploaded only when it is sent). */
    files: [] as File[],
  };
}
export type State = ReturnType<typeof createState>;

/** Turns what the host passed to identify() / SBUser into an identity and the profile it carries. */
export function parseIdentify(state: State, input: Record<string, unknown>): { identity: Identity; profile: Profile } {
  const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
  const profile: Profile = {};
  const email = str(input.email);
  if (email) profile.email = email;
  if (str(input.first_name)) profile.first_name = str(input.first_name);
  if (str(input.last_name)) profile.last_name = str(input.last_name);
  if (input.custom_attributes && typeof input.custom_attributes === "object") profile.custom_attributes = input.custom_attributes as Record<string, unknown>;
  const jwt = str(input.user_jwt);
  const hash = str(input.user_hash);
  const token = state.store.token();
  if (jwt) return { identity: { kind: "jwt", jwt, exp: jwtExpiry(jwt) }, profile };
  if (hash && email) return { identity: { kind: "hash", email, hash }, profile };
  return { identity: token ? { kind: "anonymous", token } : { kind: "none" }, profile };
}

export class ExpiredIdentity extends Error {}

/** Every API call goes through here: an expired JWT stops the messenger instead of sending unverified. */
export async function api<T>(state: State, path: string, options: { method?: string; body?: unknown; anonymousToken?: string | null } = {}) {
  if (state.expired || isExpired(state.identity)) throw new ExpiredIdentity();
  try {
    return await callApi<T>(state.config.key, state.identity, path, options);
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401 && state.identity.kind === "jwt" && isExpired(state.identity)) throw new ExpiredIdentity();
    throw error;
  }
}

export const unreadIn = (state: State, id: string) =>
  (state.messages.get(id) ?? []).filter((m) => m.direction === "outbound" && m.created_at > (state.lastRead[id] ?? "")).length;

export const totalUnread = (state: State) => state.conversations.reduce((sum, c) => sum + unreadIn(state, c.id), 0);

export function markRead(state: State, id: string) {
  const last = (state.messages.get(id) ?? []).at(-1)?.created_at;
  if (!last || (state.lastRead[id] ?? "") >= last) return;
  state.lastRead = { ...state.lastRead, [id]: last };
  state.store.setLastRead(state.lastRead);
}

export async function loadMessages(state: State, id: string) {
  const { data } = await api<{ results: Message[] }>(state, `/api/v1/conversations/${id}/messages/`);
  state.messages.set(id, data.results);
  return data.results;
}

/**
 * Puts a conversation in the list once: a live event and the create call that caused it can both bring the same
 * new conversation, in either order.
 */
export function rememberConversation(state: State, conversation: Conversation) {
  const index = state.conversations.findIndex((c) => c.id === conversation.id);
  if (index >= 0) state.conversations[index] = conversation;
  else state.conversations.unshift(conversation);
}

export async function loadConversation(state: State, id: string) {
  const { data } = await api<Conversation>(state, `/api/v1/conversations/${id}/`);
  rememberConversation(state, data);
  return data;
}

/**
 * The visitor's conversations, newest first. Conversations seen for the first time on this device count as
 * read up to now, so a new device does not light up old history; only replies after that are unread.
 */
export async function loadConversations(state: State) {
  if (state.identity.kind === "none") {
    state.conversations = [];
    return;
  }
  const started = new Date(Date.now() - 1000).toISOString();
  const { data } = await api<{ results: Conversation[] }>(state, "/api/v1/conversations/?limit=50");
  // A conversation started while this list was on its way is kept, not dropped by the older answer.
  const listed = new Set(data.results.map((c) => c.id));
  state.conversations = [...state.conversations.filter((c) => !listed.has(c.id) && c.created_at >= started), ...data.results];
  let changedLastRead = false;
  await Promise.all(
    data.results.map(async (c) => {
      if (!state.lastRead[c.id]) {
        state.lastRead[c.id] = c.updated_at;
        changedLastRead = true;
      } else if (c.updated_at > state.lastRead[c.id]!) await loadMessages(state, c.id);
    }),
  );
  if (changedLastRead) state.store.setLastRead(state.lastRead);
}
