"use client";

import Link from "next/link";
import type { InboxListItem } from "@/lib/inbox/list-conversations";
import { SlaBadge } from "../sla/sla-badge";
import { Badge, PRIORITY_TONE, STATUS_TONE } from "../ui/badge";
import { RelativeTime } from "../ui/relative-time";
import { Highlight } from "./highlight";
import { RatingBadge } from "./rating";
import { STATUS_HELP } from "./status-help";

type Props = {
  item: InboxListItem;
  href: string;
  open: boolean;
  active: boolean;
  checked: boolean;
  onToggle: (id: string, range: boolean) => void;
  /** The search typed, whose matching words are marked. */
  query?: string | null;
};

export function ConversationRow({ item, href, open, active, checked, onToggle, query }: Props) {
  return (
    <div
      className={`flex h-full items-start gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800 ${
        open ? "bg-indigo-50 dark:bg-indigo-950/50" : active ? "bg-slate-100 dark:bg-slate-900" : ""
      } ${active ? "shadow-[inset_3px_0_0_0] shadow-indigo-500" : ""}`}
    >
      <input
        type="checkbox"
        aria-label={`Select #${item.number} ${item.subject}`}
        checked={checked}
        onChange={(e) => onToggle(item.id, (e.nativeEvent as MouseEvent).shiftKey)}
        className="mt-1 h-4 w-4 shrink-0 accent-indigo-600"
      />
      <Link href={href} scroll={false} data-conversation-link aria-current={open ? "true" : undefined} className="min-w-0 flex-1 rounded-sm outline-offset-1">
        <span className="flex items-baseline justify-between gap-2">
          <span className={`flex min-w-0 items-center gap-1.5 text-sm ${item.unread ? "font-semibold" : ""}`}>
            {item.unread && <span className="h-2 w-2 shrink-0 rounded-full bg-indigo-500" aria-label="Unread" role="img" />}
            <span className="truncate"><Highlight text={item.requester.name} query={query} /></span>
          </span>
          <RelativeTime iso={item.last_message_at} className="shrink-0 text-xs text-slate-500 dark:text-slate-400" />
        </span>
        <span className={`mt-0.5 flex items-center justify-between gap-2 text-sm ${item.unread ? "font-medium text-slate-900 dark:text-white" : "text-slate-700 dark:text-slate-300"}`}>
          <span className="truncate">
            <span className="text-slate-400">#{item.number}</span> <Highlight text={item.subject} query={query} />
          </span>
          <span className="flex shrink-0 items-center gap-1">
            {item.rating && <RatingBadge rating={item.rating} />}
            {item.priority !== "normal" && <Badge tone={PRIORITY_TONE[item.priority]}>{item.priority}</Badge>}
          </span>
        </span>
        <span className="mt-0.5 flex items-center justify-between gap-2 text-xs text-slate-500 dark:text-slate-400">
          <span className="truncate">{item.preview ? <Highlight text={item.preview} query={query} /> : "No messages yet"}</span>
          <span className="flex shrink-0 items-center gap-1">
            {(item.status === "open" || item.status === "pending") && <SlaBadge dueAt={item.sla_due_at} />}
            <Badge tone={STATUS_TONE[item.status]} title={STATUS_HELP[item.status]}>{item.status}</Badge>
            <span className="max-w-24 truncate">{item.assignee?.name ?? "Unassigned"}</span>
          </span>
        </span>
      </Link>
    </div>
  );
}
