import type { LiveSignal } from "../events/types";

export type PresenceState = "viewing" | "typing" | "left";

/** Presence travels on the same channel as change signals, so every app instance hears every agent. */
export type PresenceSignal = {
  orgId: string;
  conversationId: string;
  type: "presence";
  agentId: string;
  name: string;
  state: PresenceState;
};

export type LiveMessage = LiveSignal | PresenceSignal;

export const isPresence = (m: LiveMessage): m is PresenceSignal => m.type === "presence";
