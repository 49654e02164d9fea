import { ApiFailure, isExpired, type Identity } from "./api";
import { uploadAll } from "./files";
import { connectLive, type WidgetEvent } from "./live";
import { api, ExpiredIdentity, loadConversation, loadConversations, loadMessages, markRead, rememberConversation, totalUnread, type State } from "./state";
import type { Conversation, Profile, Visitor } from "./types";

export type Host = {
  post: (message: { type: string; [k: string]: unknown }) => void;
  changed: () => void;
};

let stopLive: (() => void) | null = null;
let expiryTimer: ReturnType<typeof setTimeout> | undefined;

/** Stops sending and tells the host once, so it can call identify() with a fresh token. */
export function expire(state: State, host: Host) {
  if (state.expired) return;
  state.expired = true;
  stopLive?.();
  stopLive = null;
  host.post({ type: "dexra:token_expired" });
  host.changed();
}

/** A failure the visitor cannot fix: a "can't start chat" state, and the reason in the host's console. */
function block(state: State, host: Host, reason: string) {
  state.blocked = reason;
  stopLive?.();
  stopLive = null;
  host.post({ type: "dexra:error", message: `Dexra widget: ${reason}` });
  host.changed();
}

export function handleFailure(state: State, host: Host, error: unknown) {
  if (error instanceof ExpiredIdentity) return expire(state, host);
  if (error instanceof ApiFailure && (error.status === 401 || error.status === 403)) return block(state, host, error.message);
  state.notice = error instanceof ApiFailure ? error.message : "Something went wrong. Please try again.";
  host.changed();
}

function connect(state: State, host: Host) {
  stopLive?.();
  stopLive = state.identity.kind === "none" ? null : connectLive(state.config.key, state.identity, (e) => void onLiveEvent(state, host, e), () => handleFailure(state, host, new ApiFailure(401, "unauthorized", "the visitor's identity was refused")));
}

/** Applies an identity: the server verifies it (and adopts this browser's anonymous conversations), then reloads. */
export async function applyIdentity(state: State, host: Host, identity: Identity, profile: Profile | null) {
  state.identity = identity;
  state.blocked = null;
  state.expired = false;
  clearTimeout(expiryTimer);
  if (isExpired(identity)) return expire(state, host);
  if (identity.kind === "jwt" && identity.exp) expiryTimer = setTimeout(() => expire(state, host), Math.min(identity.exp * 1000 - Date.now(), 2 ** 31 - 1));
  state.pendingProfile = profile && Object.keys(profile).length ? profile : state.pendingProfile;
  try {
    if (identity.kind !== "none") await startSession(state, host);
    await loadConversations(state);
    connect(state, host);
  } catch (error) {
    handleFailure(state, host, error);
  }
  host.changed();
  host.post({ type: "dexra:unread", count: totalUnread(state) });
}

async function startSession(state: State, host?: Host) {
  const verified = state.identity.kind === "hash" || state.identity.kind === "jwt";
  const { data } = await api<{ visitor: Visitor | null; profile_error?: string | null }>(state, "/api/widget/session", {
    method: "POST",
    body: state.pendingProfile ?? {},
    anonymousToken: state.store.token(),
  });
  state.visitor = data.visitor;
  if (data.visitor) state.pendingProfile = null;
  if (data.profile_error) host?.post({ type: "dexra:error", message: `Dexra widget: the visitor's profile was not saved: ${data.profile_error}` });
  // The anonymous visitor's conversations now belong to the verified user: the token has done its work.
  if (verified && state.store.token()) state.store.setToken(null);
}

export function publishUnread(state: State, host: Host) {
  host.post({ type: "dexra:unread", count: totalUnread(state) });
}

export async function onLiveEvent(state: State, host: Host, event: WidgetEvent) {
  const id = event.conversation_id;
  try {
    if (event.type === "typing") {
      if (event.typing) state.typing.set(id, event.name);
      else state.typing.delete(id);
      return host.changed();
    }
    if (!state.conversations.some((c) => c.id === id) || event.type === "conversation") await loadConversation(state, id);
    if (event.type === "message") {
      const before = state.messages.get(id)?.length ?? 0;
      const messages = await loadMessages(state, id);
      state.typing.delete(id);
      const latest = messages.at(-1);
      if (state.visible && state.screen.name === "conversation" && state.screen.id === id) markRead(state, id);
      if (latest && latest.direction === "outbound" && messages.length > before) host.post({ type: "dexra:message", conversation_id: id, body: latest.body });
    }
    host.changed();
    publishUnread(state, host);
  } catch (error) {
    handleFailure(state, host, error);
  }
}

/** Keeps a newly issued anonymous token (this browser's only credential); true when there was one. */
function adoptToken(state: State, token: string | null) {
  if (!token) return false;
  state.store.setToken(token);
  state.identity = { kind: "anonymous", token };
  return true;
}

/**
 * A new conversation, with files on its very first message: they are uploaded first (as the visitor's own, so a
 * visitor with no identity yet is given their anonymous token first), then the conversation is created with them.
 */
export async function startConversation(state: State, host: Host, body: string, preChat: Record<string, string>, files: File[] = []) {
  const name = preChat.name?.trim();
  const unverified = state.identity.kind !== "hash" && state.identity.kind !== "jwt";
  let newVisitor = false;
  if (files.length && state.identity.kind === "none") {
    const { headers } = await api(state, "/api/widget/visitor", { method: "POST", body: name ? { first_name: name } : {} });
    newVisitor = adoptToken(state, headers.get("x-dexra-user-token"));
  }
  const attachmentIds = files.length ? await uploadAll(state, files) : [];
  // A message needs a body: files sent alone are named in it, which is also what the inbox list shows.
  const text = body || files.map((f) => f.name || "file").join(", ");
  const { data, headers } = await api<Conversation>(state, "/api/v1/conversations/create/", {
    method: "POST",
    body: {
      subject: text.split("\n")[0]!.slice(0, 80) || "New conversation",
      description: text,
      channel: "web",
      metadata: { page_url: state.pageUrl, ...(Object.keys(preChat).length ? { pre_chat: preChat } : {}) },
      ...(attachmentIds.length ? { attachment_ids: attachmentIds } : {}),
      ...(name && unverified && !newVisitor ? { user_first_name: name } : {}),
    },
  });
  if (adoptToken(state, headers.get("x-dexra-user-token")) || newVisitor) {
    if (preChat.email && !state.pendingProfile?.email) state.pendingProfile = { ...state.pendingProfile, email: preChat.email };
    if (state.pendingProfile) await startSession(state, host);
    connect(state, host);
  }
  if (files.length) state.files = [];
  state.notice = null;
  rememberConversation(state, data);
  await loadMessages(state, data.id);
  markRead(state, data.id);
  state.screen = { name: "conversation", id: data.id };
  host.changed();
}

/** A reply, with files: all are uploaded first, so a refused file means nothing is sent. */
export async function sendMessage(state: State, host: Host, id: string, body: string, files: File[] = []) {
  const attachmentIds = files.length ? await uploadAll(state, files) : [];
  // A message needs a body: files sent alone are named in it, which is also what the inbox list shows.
  const text = body || files.map((f) => f.name || "file").join(", ");
  await api(state, `/api/v1/conversations/${id}/messages/create/`, { method: "POST", body: { body: text, ...(attachmentIds.length ? { attachment_ids: attachmentIds } : {}) } });
  if (files.length) state.files = [];
  state.notice = null;
  await loadMessages(state, id);
  await loadConversation(state, id);
  markRead(state, id);
  host.changed();
}

export async function rate(state: State, host: Host, id: string, score: number, comment: string) {
  await api(state, `/api/v1/conversations/${id}/rating/`, { method: "POST", body: { score, ...(comment ? { comment } : {}) } });
  state.rated.add(id);
  state.store.setRated([...state.rated]);
  host.changed();
}

let typingSent = 0;
let typingStop: ReturnType<typeof setTimeout> | undefined;
/** The visitor is typing: tell the inbox at most every 3 s, and that they stopped after 4 s of quiet. */
export function reportTyping(state: State, id: string, typing = true) {
  const send = (value: boolean) => void api(state, "/api/widget/typing", { method: "POST", body: { conversation_id: id, typing: value } }).catch(() => {});
  clearTimeout(typingStop);
  if (!typing) {
    typingSent = 0;
    return send(false);
  }
  if (Date.now() - typingSent > 3000) {
    typingSent = Date.now();
    send(true);
  }
  typingStop = setTimeout(() => reportTyping(state, id, false), 4000);
}

/** Logout on the host: forget the token, read marks and everything shown. */
export function reset(state: State, host: Host) {
  stopLive?.();
  stopLive = null;
  clearTimeout(expiryTimer);
  state.store.clear();
  Object.assign(state, {
    identity: { kind: "none" },
    visitor: null,
    pendingProfile: null,
    conversations: [],
    lastRead: {},
    rated: new Set(),
    screen: { name: "home" },
    blocked: null,
    expired: false,
    notice: null,
    files: [],
  });
  state.messages.clear();
  state.typing.clear();
  host.changed();
  publishUnread(state, host);
}

