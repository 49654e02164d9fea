"use client";

import { useCallback, useEffect, useRef } from "react";

const HEARTBEAT_MS = 15_000;
const TYPING_IDLE_MS = 4_000;

function post(conversationId: string, state: "viewing" | "typing" | "left") {
  // keepalive lets the "left" signal go out while the page unloads.
  void fetch("/api/inbox/presence", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ conversation_id: conversationId, state }),
    keepalive: true,
  }).catch(() => {});
}

/** Tells other agents that this one is viewing (repeated) or typing in the conversation, and when they leave. */
export function usePresenceReporter(conversationId: string | undefined) {
  const state = useRef<"viewing" | "typing">("viewing");
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (!conversationId) return;
    state.current = "viewing";
    post(conversationId, "viewing");
    const heartbeat = setInterval(() => post(conversationId, state.current), HEARTBEAT_MS);
    const leave = () => post(conversationId, "left");
    window.addEventListener("pagehide", leave);
    return () => {
      clearInterval(heartbeat);
      if (idle.current) clearTimeout(idle.current);
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [conversationId]);

  return useCallback(() => {
    if (!conversationId) return;
    if (state.current !== "typing") {
      state.current = "typing";
      post(conversationId, "typing");
    }
    if (idle.current) clearTimeout(idle.current);
    idle.current = setTimeout(() => {
      state.current = "viewing";
      post(conversationId, "viewing");
    }, TYPING_IDLE_MS);
  }, [conversationId]);
}
