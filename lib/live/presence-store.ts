import type { PresenceSignal } from "./types";

// Clients repeat their presence every 15 s; an entry not repeated in time is gone (closed tab, lost network).
export const PRESENCE_TTL_MS = 40_000;

type Entry = PresenceSignal & { expiresAt: number };
const holder = globalThis as unknown as { __dexraPresence?: Map<string, Entry> };
const entries = (holder.__dexraPresence ??= new Map());

const keyOf = (s: PresenceSignal) => `${s.orgId}:${s.conversationId}:${s.agentId}`;

export function recordPresence(signal: PresenceSignal, now = Date.now()) {
  if (signal.state === "left") entries.delete(keyOf(signal));
  else entries.set(keyOf(signal), { ...signal, expiresAt: now + PRESENCE_TTL_MS });
}

/** Who is viewing or typing anywhere in the organization right now, for a stream that just connected. */
export function presenceSnapshot(orgId: string, now = Date.now()): PresenceSignal[] {
  const live: PresenceSignal[] = [];
  for (const [key, entry] of entries) {
    if (entry.expiresAt < now) entries.delete(key);
    else if (entry.orgId === orgId) {
      const { expiresAt: _expiresAt, ...signal } = entry;
      live.push(signal);
    }
  }
  return live;
}
