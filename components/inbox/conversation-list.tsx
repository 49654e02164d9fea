"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import type { InboxListItem } from "@/lib/inbox/list-conversations";
import { EmptyState } from "../ui/empty-state";
import { ConversationRow } from "./conversation-row";

export const ROW_HEIGHT = 84;

type Props = {
  items: InboxListItem[];
  status: "pending" | "error" | "success";
  error: Error | null;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  retry: () => void;
  activeIndex: number;
  openNumber: number | null;
  selected: Set<string>;
  onToggle: (id: string, range: boolean) => void;
  hrefFor: (number: number) => string;
  emptyHint: string;
  query?: string | null;
};

/** Only the rows on screen are in the DOM; the next page loads before the end is reached. */
export function ConversationList(props: Props) {
  const { items, hasNextPage, isFetchingNextPage, fetchNextPage, activeIndex } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length + (hasNextPage ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= items.length - 10) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastIndex, items.length, fetchNextPage]);

  // Keyboard navigation moves focus to the active row, scrolling it into view first.
  useEffect(() => {
    if (activeIndex < 0 || activeIndex >= items.length) return;
    virtualizer.scrollToIndex(activeIndex, { align: "auto" });
    const frame = requestAnimationFrame(() => {
      const link = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"] [data-conversation-link]`);
      if (link && document.activeElement?.tagName !== "INPUT" && document.activeElement?.tagName !== "TEXTAREA") link.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [activeIndex, items.length, virtualizer]);

  if (props.status === "pending") {
    return (
      <div role="status" aria-label="Loading conversations" className="space-y-px">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-[84px] animate-pulse border-b border-slate-200 bg-slate-100/70 dark:border-slate-800 dark:bg-slate-900" />
        ))}
      </div>
    );
  }
  if (props.status === "error") {
    return (
      <EmptyState title="Conversations could not be loaded" tone="error">
        <p>{props.error?.message}</p>
        <button type="button" onClick={props.retry} className="mt-2 underline">
          Try again
        </button>
      </EmptyState>
    );
  }
  if (items.length === 0) return <EmptyState title="No conversations here">{props.emptyHint}</EmptyState>;

  return (
    <div ref={scrollRef} className="h-full overflow-y-auto" data-testid="conversation-list">
      <ul aria-label="Conversations" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {virtualItems.map((row) => {
          const item = items[row.index];
          return (
            <li key={item?.id ?? "loader"} data-index={row.index} className="absolute left-0 top-0 w-full" style={{ height: row.size, transform: `translateY(${row.start}px)` }}>
              {item ? (
                <ConversationRow
                  item={item}
                  href={props.hrefFor(item.number)}
                  open={props.openNumber === item.number}
                  active={row.index === activeIndex}
                  checked={props.selected.has(item.id)}
                  onToggle={props.onToggle}
                  query={props.query}
                />
              ) : (
                <p role="status" className="p-4 text-center text-sm text-slate-500">Loading more…</p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
