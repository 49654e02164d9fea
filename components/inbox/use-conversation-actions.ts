"use client";

import { useMutation, useQueryClient, type InfiniteData, type QueryKey } from "@tanstack/react-query";
import type { ConversationAction } from "@/lib/inbox/action-schemas";
import type { InboxThread } from "@/lib/inbox/get-thread";
import type { InboxListItem, InboxListPage } from "@/lib/inbox/list-conversations";
import { showToast } from "../ui/toast";
import { inboxFetch, InboxRequestError } from "./inbox-api";
import { mapListPages, patchListItem, predictConversation, stillInView, type Me } from "./optimistic";
import { inboxKeys } from "./query-keys";
import { useDirectory } from "./use-inbox-data";
import type { ListFilters } from "./use-inbox-url";

type Variables = { id: string; number: number; action: ConversationAction };
type Snapshot = [QueryKey, unknown][];

/**
 * Conversation actions with optimistic updates: the thread and every loaded list change at once; if the
 * server refuses (e.g. the claim was lost to another agent) they roll back and the reason is shown.
 */
export function useConversationAction(me: Me) {
  const client = useQueryClient();
  const directory = useDirectory().data;
  const mutation = useMutation<unknown, Error, Variables, { snapshot: Snapshot }>({
    mutationFn: ({ id, action }) => inboxFetch(`/api/inbox/conversations/${id}/actions`, { method: "POST", body: action }),
    onMutate: async ({ id, number, action }) => {
      await client.cancelQueries({ queryKey: inboxKeys.thread(number) });
      await client.cancelQueries({ queryKey: inboxKeys.lists() });
      const snapshot: Snapshot = [...client.getQueriesData({ queryKey: inboxKeys.thread(number) }), ...client.getQueriesData({ queryKey: inboxKeys.lists() })];
      const thread = client.getQueryData<InboxThread>(inboxKeys.thread(number));
      const predicted = thread ? predictConversation(thread.conversation, action, me, directory) : null;
      if (thread && predicted) client.setQueryData<InboxThread>(inboxKeys.thread(number), { ...thread, conversation: predicted });
      for (const [key] of client.getQueriesData<InfiniteData<InboxListPage>>({ queryKey: inboxKeys.lists() })) {
        const filters = key[2] as ListFilters;
        client.setQueryData<InfiniteData<InboxListPage>>(key, (data) =>
          mapListPages(
            data,
            id,
            (item) => (predicted ? patchListItem(item, predicted) : item),
            (item) => stillInView(filters.view, item, me.id),
          ),
        );
      }
      return { snapshot };
    },
    onError: (error, variables, context) => {
      for (const [key, data] of context?.snapshot ?? []) client.setQueryData(key, data);
      // Someone else had it: say who, and offer to take it over (a forced claim) rather than just refusing.
      const takeOver = variables.action.action === "claim" && error instanceof InboxRequestError && error.status === 409;
      showToast({
        tone: "error",
        message: error.message,
        action: takeOver ? { label: "Take over", run: () => mutation.mutate({ ...variables, action: { action: "claim", force: true } }) } : undefined,
      });
    },
    onSettled: (_data, _error, { id, number }) => {
      void client.invalidateQueries({ queryKey: inboxKeys.thread(number) });
      void client.invalidateQueries({ queryKey: inboxKeys.activity(id) });
      void client.invalidateQueries({ queryKey: inboxKeys.lists() });
      void client.invalidateQueries({ queryKey: inboxKeys.counts() });
    },
  });
  return mutation;
}

/** Bulk resolve / assign / tag: the selected conversations change or leave the lists at once, rolled back on error. */
export function useBulkAction(me: Me) {
  const client = useQueryClient();
  const directory = useDirectory().data;
  return useMutation<{ succeeded: number; failed: { id: string; message: string }[] }, Error, { ids: string[]; change: ConversationAction }, { snapshot: Snapshot }>({
    mutationFn: (body) => inboxFetch("/api/inbox/bulk", { method: "POST", body }),
    onMutate: async ({ ids, change }) => {
      await client.cancelQueries({ queryKey: inboxKeys.lists() });
      const snapshot: Snapshot = client.getQueriesData({ queryKey: inboxKeys.lists() });
      const selected = new Set(ids);
      const agent = change.action === "assign" ? directory?.agents.find((a) => a.id === change.agent_id) : undefined;
      const patch = (item: InboxListItem): InboxListItem => {
        if (!selected.has(item.id)) return item;
        if (change.action === "resolve") return { ...item, status: "closed" };
        if (change.action === "assign") return { ...item, assignee: agent ? { id: agent.id, name: agent.name } : null };
        if (change.action === "claim") return { ...item, assignee: { id: me.id, name: me.name } };
        if (change.action === "add_tag") return { ...item, tags: [...new Set([...item.tags, change.tag])] };
        if (change.action === "set_priority") return { ...item, priority: change.priority };
        if (change.action === "snooze") return { ...item, status: "snoozed", snoozed_until: change.until };
        if (change.action === "set_pending") return { ...item, status: "pending" };
        return item;
      };
      for (const [key] of client.getQueriesData<InfiniteData<InboxListPage>>({ queryKey: inboxKeys.lists() })) {
        const view = (key[2] as ListFilters).view;
        client.setQueryData<InfiniteData<InboxListPage>>(key, (data) =>
          data && { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map(patch).filter((item) => !selected.has(item.id) || stillInView(view, item, me.id)) })) },
        );
      }
      return { snapshot };
    },
    onSuccess: (result) => {
      if (result.failed.length) showToast({ tone: "error", message: `${result.failed.length} not changed: ${result.failed[0]!.message}` });
      else showToast({ tone: "info", message: `${result.succeeded} conversation${result.succeeded === 1 ? "" : "s"} updated` });
    },
    onError: (error, _variables, context) => {
      for (const [key, data] of context?.snapshot ?? []) client.setQueryData(key, data);
      showToast({ tone: "error", message: error.message });
    },
    onSettled: () => void client.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}
