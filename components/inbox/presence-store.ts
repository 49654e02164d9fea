"use client";

import { useSyncExternalStore } from "react";
import type { PresenceSignal } from "@/lib/live/types";

// Matches the server's TTL: an agent who stops repeating their presence has gone.
const TTL_MS = 40_000;

type Entry = { agentId: string; name: string; state: "viewing" | "typing"; expiresAt: number };
let byConversation = new Map<string, Entry[]>();
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function applyPresence(signal: PresenceSignal) {
  const others = (byConversation.get(signal.conversationId) ?? []).filter((e) => e.agentId !== signal.agentId);
  const next = signal.state === "left" ? others : [...others, { agentId: signal.agentId, name: signal.name, state: signal.state, expiresAt: Date.now() + TTL_MS }];
  byConversation = new Map(byConversation).set(signal.conversationId, next);
  emit();
}

export function expirePresence(now = Date.now()) {
  let changed = false;
  const next = new Map<string, Entry[]>();
  for (const [id, entries] of byConversation) {
    const live = entries.filter((e) => e.expiresAt > now);
    if (live.length !== entries.length) changed = true;
    next.set(id, live);
  }
  if (changed) {
    byConversation = next;
    emit();
  }
}

const EMPTY: Entry[] = [];
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Other agents viewing or typing in a conversation (the caller filters itself out). */
export function usePresence(conversationId: string | undefined) {
  return useSyncExternalStore(
    subscribe,
    () => (conversationId ? (byConversation.get(conversationId) ?? EMPTY) : EMPTY),
    () => EMPTY,
  );
}
