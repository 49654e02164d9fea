"use client";

import { useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useCallback } from "react";
import type { InboxListPage } from "@/lib/inbox/list-conversations";
import type { Me } from "./optimistic";
import { inboxKeys } from "./query-keys";

/**
 * Opt-in (on /profile) desktop notifications: a customer wrote in a conversation assigned to me, while this
 * tab is in the background. What is assigned to me is read from the lists already loaded, never fetched.
 */
export function useMineNotifications(me: Me) {
  const client = useQueryClient();
  return useCallback(
    (conversationId: string) => {
      if (!me.notifyDesktopMine || typeof Notification === "undefined" || Notification.permission !== "granted") return;
      if (document.visibilityState === "visible" && document.hasFocus()) return;
      const item = client
        .getQueriesData<InfiniteData<InboxListPage>>({ queryKey: inboxKeys.lists() })
        .flatMap(([, data]) => data?.pages.flatMap((p) => p.items) ?? [])
        .find((i) => i.id === conversationId);
      if (!item || item.assignee?.id !== me.id) return;
      const note = new Notification(`New message from ${item.requester.name}`, { body: `#${item.number} ${item.subject}`, tag: conversationId });
      note.onclick = () => {
        window.focus();
        window.location.assign(`/inbox?view=mine&c=${item.number}`);
      };
    },
    [client, me],
  );
}
