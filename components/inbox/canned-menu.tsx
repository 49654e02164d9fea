"use client";

import type { InboxDirectory } from "@/lib/inbox/get-directory";

type Canned = InboxDirectory["cannedReplies"][number];

/** Matches canned replies against what follows "/" (shortcut first, then title). */
export function filterCanned(replies: Canned[], query: string) {
  const q = query.toLowerCase();
  return replies.filter((r) => r.shortcut.toLowerCase().startsWith(q) || r.title.toLowerCase().includes(q)).slice(0, 8);
}

export function CannedMenu({ items, activeIndex, onPick, id }: { items: Canned[]; activeIndex: number; onPick: (reply: Canned) => void; id: string }) {
  if (items.length === 0) {
    return <p className="absolute bottom-full left-0 mb-1 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-500 shadow-lg dark:border-slate-700 dark:bg-slate-900">No canned reply matches</p>;
  }
  return (
    <ul id={id} role="listbox" aria-label="Canned replies" className="absolute bottom-full left-0 z-20 mb-1 w-80 overflow-hidden rounded-md border border-slate-200 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-900">
      {items.map((reply, i) => (
        <li
          key={reply.id}
          id={`${id}-${i}`}
          role="option"
          aria-selected={i === activeIndex}
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(reply);
          }}
          className={`cursor-pointer px-3 py-2 text-sm ${i === activeIndex ? "bg-indigo-100 dark:bg-indigo-900" : ""}`}
        >
          <span className="font-mono text-xs text-slate-500">/{reply.shortcut}</span> <span className="font-medium">{reply.title}</span>
          <span className="block truncate text-xs text-slate-500">{reply.body}</span>
        </li>
      ))}
    </ul>
  );
}

/** Fills the placeholders canned replies may use. */
export function fillCanned(body: string, values: { requesterFirstName: string; agentName: string }) {
  return body.replaceAll("{{requester.first_name}}", values.requesterFirstName).replaceAll("{{agent.name}}", values.agentName);
}
