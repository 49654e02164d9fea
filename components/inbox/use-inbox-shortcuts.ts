"use client";

import { useEffect, useRef } from "react";

export type ShortcutHandlers = Partial<Record<"next" | "previous" | "open" | "reply" | "note" | "resolve" | "claim" | "snooze" | "select" | "search" | "help" | "escape", () => void>>;

const KEYS: Record<string, keyof ShortcutHandlers> = {
  j: "next",
  k: "previous",
  Enter: "open",
  r: "reply",
  n: "note",
  e: "resolve",
  a: "claim",
  s: "snooze",
  x: "select",
  "/": "search",
  "?": "help",
  Escape: "escape",
};

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/**
 * Single-key shortcuts, ignored while typing in a field, with modifiers, or when a dialog is open. Enter on
 * a focused link or button keeps its native meaning.
 */
export function useInboxShortcuts(handlers: ShortcutHandlers) {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (document.querySelector("dialog[open]")) return;
      const name = KEYS[e.key];
      if (!name) return;
      if (name === "open" && e.target instanceof HTMLElement && e.target.closest("a, button")) return;
      const handler = latest.current[name];
      if (!handler) return;
      e.preventDefault();
      handler();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
