"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { InboxThread } from "@/lib/inbox/get-thread";
import type { ThenStatus } from "@/lib/inbox/schemas";
import { showToast } from "../ui/toast";
import { inboxFetch } from "./inbox-api";
import type { Me } from "./optimistic";
import { inboxKeys } from "./query-keys";
import type { ComposerMode } from "./use-draft";

type Variables = { body: string; mode: ComposerMode; attachmentIds?: string[]; thenStatus?: ThenStatus };

/**
 * Sends a reply or note; it shows in the thread at once and is taken back with the reason if refused.
 * `thenStatus` ("Send and set pending / resolve") changes the status in the same request and transaction.
 */
export function useSendMessage(conversation: { id: string; number: number }, me: Me) {
  const client = useQueryClient();
  const key = inboxKeys.thread(conversation.number);
  return useMutation<unknown, Error, Variables, { previous: InboxThread | undefined }>({
    mutationFn: ({ body, mode, attachmentIds, thenStatus }) =>
      inboxFetch(`/api/inbox/conversations/${conversation.id}/messages`, {
        method: "POST",
        body: { body, message_type: mode, attachment_ids: attachmentIds?.length ? attachmentIds : undefined, then_status: thenStatus },
      }),
    onMutate: async ({ body, mode, thenStatus }) => {
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData<InboxThread>(key);
      if (previous) {
        const pending = {
          id: `pending-${Date.now()}`,
          conversation_id: conversation.id,
          sender_email: me.email,
          sender_type: "agent" as const,
          body,
          message_type: mode,
          direction: "outbound" as const,
          external_id: null,
          created_at: new Date().toISOString(),
          author_name: me.name,
          email: null,
          attachments: [],
        };
        // Resolve sets "closed" (the inbox's resolve rule); the refetch after settling shows the server's word.
        const status = thenStatus ? (thenStatus === "resolved" ? "closed" : "pending") : previous.conversation.status;
        client.setQueryData<InboxThread>(key, { ...previous, conversation: { ...previous.conversation, status }, messages: [...previous.messages, pending] });
      }
      return { previous };
    },
    onError: (error, _variables, context) => {
      client.setQueryData(key, context?.previous);
      showToast({ tone: "error", message: `Not sent: ${error.message}` });
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: key });
      void client.invalidateQueries({ queryKey: inboxKeys.lists() });
      void client.invalidateQueries({ queryKey: inboxKeys.activity(conversation.id) });
    },
  });
}
