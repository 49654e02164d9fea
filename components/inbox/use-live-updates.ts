"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { isPresence, type LiveMessage } from "@/lib/live/types";
import { applyPresence, expirePresence } from "./presence-store";
import { inboxKeys } from "./query-keys";

export type LiveStatus = "connecting" | "live" | "offline";

/**
 * Listens to /api/inbox/live and refetches what a change touched: the open thread at once, lists and
 * counts batched (a burst of events costs one refetch). After a reconnect everything is refetched,
 * since signals sent while offline were missed.
 */
export function useLiveUpdates(): LiveStatus {
  const client = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");

  useEffect(() => {
    const source = new EventSource("/api/inbox/live");
    let batch: ReturnType<typeof setTimeout> | null = null;
    let wasOffline = false;
    const refreshLists = () => {
      batch ??= setTimeout(() => {
        batch = null;
        void client.invalidateQueries({ queryKey: inboxKeys.lists() });
        void client.invalidateQueries({ queryKey: inboxKeys.counts() });
      }, 300);
    };
    source.onopen = () => {
      setStatus("live");
      if (wasOffline) void client.invalidateQueries({ queryKey: inboxKeys.all });
      wasOffline = false;
    };
    source.onerror = () => {
      setStatus("offline");
      wasOffline = true;
    };
    source.onmessage = (event) => {
      const message = JSON.parse(event.data as string) as LiveMessage;
      if (isPresence(message)) {
        applyPresence(message);
        return;
      }
      if (message.conversationId) {
        void client.invalidateQueries({ queryKey: inboxKeys.threads() });
        void client.invalidateQueries({ queryKey: inboxKeys.activity(message.conversationId) });
      }
      refreshLists();
    };
    const expiry = setInterval(() => expirePresence(), 5_000);
    return () => {
      source.close();
      clearInterval(expiry);
      if (batch) clearTimeout(batch);
    };
  }, [client]);

  return status;
}
