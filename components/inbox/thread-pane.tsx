"use client";

import { SlaBadge } from "../sla/sla-badge";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, type Ref } from "react";
import type { ConversationAction } from "@/lib/inbox/action-schemas";
import { Badge, PRIORITY_TONE, STATUS_TONE } from "../ui/badge";
import { Button } from "../ui/button";
import { EmptyState } from "../ui/empty-state";
import { ActionBar } from "./action-bar";
import { EmailRecipientLine } from "../channels/email-meta";
import { Composer, type ComposerHandle } from "./composer";
import { inboxFetch } from "./inbox-api";
import { MessageItem } from "./message-item";
import type { Me } from "./optimistic";
import { PresenceIndicator } from "./presence-indicator";
import { RatingCard } from "./rating";
import { inboxKeys } from "./query-keys";
import { useDirectory, useThread } from "./use-inbox-data";
import { usePresenceReporter } from "./use-presence-reporter";
import { LocalTime } from "../ui/local-time";
import { STATUS_HELP } from "./status-help";

type Props = {
  number: number;
  me: Me;
  act: (action: ConversationAction) => void;
  onSnooze: () => void;
  onMerge: () => void;
  onClose: () => void;
  onToggleDetails: () => void;
  composerRef: Ref<ComposerHandle>;
  hrefFor: (number: number) => string;
};

export function ThreadPane({ number, me, act, onSnooze, onMerge, onClose, onToggleDetails, composerRef, hrefFor }: Props) {
  const thread = useThread(number);
  const directory = useDirectory().data;
  const client = useQueryClient();
  const conversation = thread.data?.conversation;
  const messageCount = thread.data?.messages.length ?? 0;
  const lastMessageId = thread.data?.messages.at(-1)?.id;
  const reportTyping = usePresenceReporter(conversation?.id);
  const scroller = useRef<HTMLDivElement>(null);

  // Opening (or receiving a message in) the thread marks it read for this agent.
  useEffect(() => {
    if (!conversation?.id || !lastMessageId || lastMessageId.startsWith("pending-")) return;
    void inboxFetch(`/api/inbox/conversations/${conversation.id}/read`, { method: "POST" })
      .then(() => client.invalidateQueries({ queryKey: inboxKeys.lists() }))
      .catch(() => {});
  }, [conversation?.id, lastMessageId, client]);

  useEffect(() => {
    scroller.current?.scrollTo({ top: scroller.current.scrollHeight });
  }, [number, messageCount]);

  if (thread.isPending) return <p role="status" className="p-6 text-sm text-slate-500">Loading conversation #{number}…</p>;
  if (thread.isError) {
    return (
      <EmptyState title={`Conversation #${number} could not be opened`} tone="error">
        <p>{thread.error.message}</p>
        <Button className="mt-3" onClick={onClose}>
          Back to the list
        </Button>
      </EmptyState>
    );
  }
  const c = thread.data.conversation;
  const requesterName = [c.requester.first_name, c.requester.last_name].filter(Boolean).join(" ") || c.requester.email || "Anonymous visitor";

  return (
    <section aria-label={`Conversation #${c.number}`} className="flex h-full min-h-0 flex-col">
      <header className="space-y-2 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0">
            <h1 className="truncate text-base font-semibold">
              <span className="text-slate-400">#{c.number}</span> {c.subject}
            </h1>
            <p className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
              <span>{requesterName}</span>
              <Badge tone={STATUS_TONE[c.status]} title={STATUS_HELP[c.status]}>{c.status}</Badge>
              <Badge tone={PRIORITY_TONE[c.priority]}>{c.priority}</Badge>
              <span>{c.assignee ? `Assigned to ${c.assignee.name}` : "Unassigned"}</span>
              {c.team && <span>· {c.team.name}</span>}
              {c.status === "snoozed" && c.snoozed_until && <span>· until <LocalTime iso={c.snoozed_until} /></span>}
              {thread.data.sla && <SlaBadge dueAt={thread.data.sla.due_at} />}
            </p>
          </div>
          <div className="flex shrink-0 gap-1">
            <Button size="sm" variant="ghost" onClick={onToggleDetails} className="xl:hidden">
              Details
            </Button>
            <Button size="sm" variant="ghost" onClick={onClose} aria-label="Close conversation">
              ✕
            </Button>
          </div>
        </div>
        <PresenceIndicator conversationId={c.id} meId={me.id} />
        <ActionBar conversation={c} directory={directory} meId={me.id} act={act} onSnooze={onSnooze} onMerge={onMerge} />
      </header>
      <div ref={scroller} className="min-h-0 flex-1 space-y-3 overflow-y-auto bg-slate-50 px-4 py-4 dark:bg-slate-950" aria-label="Messages" role="log">
        {thread.data.truncated && <p className="text-center text-xs text-slate-500">Older messages are not shown.</p>}
        {c.merged_into_id && (
          <p className="rounded-md bg-slate-200 px-3 py-2 text-center text-sm dark:bg-slate-800">
            {thread.data.merged_into ? (
              <>
                Merged into{" "}
                <Link href={hrefFor(thread.data.merged_into.number)} scroll={false} className="font-medium text-indigo-700 underline dark:text-indigo-300">
                  #{thread.data.merged_into.number} {thread.data.merged_into.subject}
                </Link>
                ; its messages moved there.
              </>
            ) : (
              "This conversation was merged into another one; its messages moved there."
            )}
          </p>
        )}
        {thread.data.messages.length === 0 && <p className="text-center text-sm text-slate-500">No messages yet. Write the first reply below.</p>}
        {thread.data.messages.map((m) => (
          <div key={m.id} className={`flex flex-col ${m.id.startsWith("pending-") ? "opacity-60" : ""}`} aria-busy={m.id.startsWith("pending-") || undefined}>
            <MessageItem message={m} />
            {m.id.startsWith("pending-") && <p className="ml-auto mt-1 text-xs text-slate-500">Sending…</p>}
          </div>
        ))}
        {thread.data.rating && <RatingCard rating={thread.data.rating} />}
      </div>
      <EmailRecipientLine email={thread.data.email} />
      <Composer
        ref={composerRef}
        conversation={{ id: c.id, number: c.number, requesterFirstName: c.requester.first_name ?? "there" }}
        me={me}
        canned={directory?.cannedReplies ?? []}
        onTyping={reportTyping}
      />
    </section>
  );
}
