"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { InboxThread } from "@/lib/inbox/get-thread";
import { showToast } from "../ui/toast";
import { inboxFetch } from "./inbox-api";
import type { Me } from "./optimistic";
import { inboxKeys } from "./query-keys";
import type { ComposerMode } from "./use-draft";

type Variables = { body: string; mode: ComposerMode; attachmentIds?: string[] };

/** Sends a reply or note; it shows in the thread at once and is taken back with the reason if refused. */
export function useSendMessage(conversation: { id: string; number: number }, me: Me) {
  const client = useQueryClient();
  const key = inboxKeys.thread(conversation.number);
  return useMutation<unknown, Error, Variables, { previous: InboxThread | undefined }>({
    mutationFn: ({ body, mode, attachmentIds }) =>
      inboxFetch(`/api/inbox/conversations/${conversation.id}/messages`, { method: "POST", body: { body, message_type: mode, attachment_ids: attachmentIds?.length ? attachmentIds : undefined } }),
    onMutate: async ({ body, mode }) => {
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
        client.setQueryData<InboxThread>(key, { ...previous, messages: [...previous.messages, pending] });
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
