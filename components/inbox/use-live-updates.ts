"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { isPresence, type LiveMessage } from "@/lib/live/types";
import { applyPresence, expirePresence } from "./presence-store";
import { inboxKeys } from "./query-keys";
import { refetchAfterChange } from "./refetch-after-change";

export type LiveStatus = "connecting" | "live" | "offline";

/** Back after this long in another tab or window: refetch everything (the stream may have been throttled). */
export const LONG_ABSENCE_MS = 60_000;

/**
 * Listens to /api/inbox/live and refetches what a change touched: the open thread at once, lists and
 * counts batched (a burst of events costs one refetch). `cursor` is the live cursor the page read before its
 * data: the stream replays every change since then, so nothing that happened while the page loaded is lost;
 * a reconnect resumes from the last cursor the stream sent (Last-Event-ID), and refetches everything too.
 */
export function useLiveUpdates(pageCursor: string | null, onCustomerMessage?: (conversationId: string) => void): LiveStatus {
  const client = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  // The first page's cursor only: later server re-renders must not reopen the stream.
  const [cursor] = useState(pageCursor);
  const notifyRef = useRef(onCustomerMessage);
  notifyRef.current = onCustomerMessage;

  useEffect(() => {
    const source = new EventSource(cursor ? `/api/inbox/live?after=${encodeURIComponent(cursor)}` : "/api/inbox/live");
    let batch: ReturnType<typeof setTimeout> | null = null;
    let wasOffline = false;
    let awayAt: number | null = null;
    const refreshAll = () => void refetchAfterChange(client, inboxKeys.all);
    const refreshLists = () => {
      batch ??= setTimeout(() => {
        batch = null;
        void refetchAfterChange(client, inboxKeys.lists());
        void refetchAfterChange(client, inboxKeys.counts());
      }, 300);
    };
    source.onopen = () => {
      setStatus("live");
      if (wasOffline) refreshAll();
      wasOffline = false;
    };
    source.onerror = () => {
      setStatus("offline");
      wasOffline = true;
    };
    source.onmessage = (event) => {
      const message = JSON.parse(event.data as string) as LiveMessage;
      if (isPresence(message)) return applyPresence(message);
      if (message.type === "replayed") return;
      if (message.type === "resync") return refreshAll();
      if (message.type === "message_in" && message.conversationId) notifyRef.current?.(message.conversationId);
      if (message.conversationId) {
        void refetchAfterChange(client, inboxKeys.threads());
        void refetchAfterChange(client, inboxKeys.activity(message.conversationId));
      }
      refreshLists();
    };
    const away = () => {
      awayAt ??= Date.now();
    };
    const back = () => {
      if (awayAt !== null && Date.now() - awayAt > LONG_ABSENCE_MS) refreshAll();
      awayAt = null;
    };
    const onVisibility = () => (document.visibilityState === "hidden" ? away() : back());
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("blur", away);
    window.addEventListener("focus", back);
    const expiry = setInterval(() => expirePresence(), 5_000);
    return () => {
      source.close();
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("blur", away);
      window.removeEventListener("focus", back);
      clearInterval(expiry);
      if (batch) clearTimeout(batch);
    };
  }, [client, cursor]);
  return status;
}
