"use client";

import { useEffect, useState } from "react";

export type ComposerMode = "reply" | "note";
type Draft = { body: string; mode: ComposerMode };

const keyFor = (conversationId: string) => `dexra:draft:${conversationId}`;

function readDraft(conversationId: string): Draft {
  try {
    const saved = JSON.parse(localStorage.getItem(keyFor(conversationId)) ?? "null") as Draft | null;
    if (saved && typeof saved.body === "string") return { body: saved.body, mode: saved.mode === "note" ? "note" : "reply" };
  } catch {
    // a corrupt draft is dropped
  }
  return { body: "", mode: "reply" };
}

/** The composer's text and mode, kept per conversation in this browser until sent. */
export function useDraft(conversationId: string) {
  const [draft, setDraft] = useState<Draft>({ body: "", mode: "reply" });
  const [loadedFor, setLoadedFor] = useState<string | null>(null);

  useEffect(() => {
    setDraft(readDraft(conversationId));
    setLoadedFor(conversationId);
  }, [conversationId]);

  useEffect(() => {
    if (loadedFor !== conversationId) return;
    if (draft.body) localStorage.setItem(keyFor(conversationId), JSON.stringify(draft));
    else localStorage.removeItem(keyFor(conversationId));
  }, [draft, conversationId, loadedFor]);

  return [draft, setDraft] as const;
}
