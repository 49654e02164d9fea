"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { RequesterProfile } from "@/lib/inbox/get-requester";
import type { InboxDirectory } from "@/lib/inbox/get-directory";
import type { InboxThread } from "@/lib/inbox/get-thread";
import type { InboxListPage } from "@/lib/inbox/list-conversations";
import type { InboxViewCounts } from "@/lib/inbox/view-counts";
import { inboxFetch } from "./inbox-api";
import { inboxKeys } from "./query-keys";
import type { ListFilters } from "./use-inbox-url";

export function useConversationList(filters: ListFilters) {
  return useInfiniteQuery({
    queryKey: inboxKeys.list(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const search = new URLSearchParams({ view: filters.view, sort: filters.sort, limit: "50" });
      if (filters.q) search.set("q", filters.q);
      if (filters.priority) search.set("priority", filters.priority);
      if (pageParam) search.set("cursor", pageParam);
      return inboxFetch<InboxListPage>(`/api/inbox/conversations?${search}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 10_000,
  });
}

export const useViewCounts = () =>
  useQuery({ queryKey: inboxKeys.counts(), queryFn: ({ signal }) => inboxFetch<InboxViewCounts>("/api/inbox/counts", { signal }) });

export const useDirectory = () =>
  useQuery({ queryKey: inboxKeys.directory(), queryFn: ({ signal }) => inboxFetch<InboxDirectory>("/api/inbox/directory", { signal }), staleTime: 5 * 60_000 });

export const useThread = (number: number | null) =>
  useQuery({
    queryKey: inboxKeys.thread(number ?? 0),
    queryFn: ({ signal }) => inboxFetch<InboxThread>(`/api/inbox/threads/${number}`, { signal }),
    enabled: number !== null,
    staleTime: 5_000,
  });

export const useRequester = (endUserId: string | undefined, conversationId: string | undefined) =>
  useQuery({
    queryKey: inboxKeys.requester(endUserId ?? ""),
    queryFn: ({ signal }) => inboxFetch<RequesterProfile>(`/api/inbox/end-users/${endUserId}?except=${conversationId}`, { signal }),
    enabled: Boolean(endUserId && conversationId),
  });
