"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ConversationAction } from "@/lib/inbox/action-schemas";
import { Button } from "../ui/button";
import { EmptyState } from "../ui/empty-state";
import { Kbd } from "../ui/kbd";
import { showToast, Toaster } from "../ui/toast";
import type { ComposerHandle } from "./composer";
import { ConversationList } from "./conversation-list";
import { DetailsPanel } from "./details-panel";
import { NewEmailButton } from "../channels/new-email-dialog";
import { BulkBar, SearchBox, SortAndFilter } from "./list-toolbar";
import { MergeDialog } from "./merge-dialog";
import { leavesView, type Me } from "./optimistic";
import { ShortcutHelp } from "./shortcut-help";
import { SnoozeDialog } from "./snooze-dialog";
import { ThreadPane } from "./thread-pane";
import { useBulkAction, useConversationAction } from "./use-conversation-actions";
import { useConversationList, useDirectory, useThread, useViewCounts } from "./use-inbox-data";
import { useInboxShortcuts } from "./use-inbox-shortcuts";
import { useInboxUrl } from "./use-inbox-url";
import { useLiveUpdates } from "./use-live-updates";
import { useUnreadTitle } from "./use-unread-title";
import { useMineNotifications } from "./use-mine-notifications";
import { viewLabel, ViewsSidebar } from "./views-sidebar";

export function InboxApp({ me, liveCursor }: { me: Me; liveCursor: string | null }) {
  const url = useInboxUrl();
  const list = useConversationList(url.filters);
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const counts = useViewCounts().data;
  const directory = useDirectory().data;
  const notifyMine = useMineNotifications(me);
  const live = useLiveUpdates(liveCursor, notifyMine);
  const action = useConversationAction(me);
  const bulk = useBulkAction(me);
  const thread = useThread(url.conversation).data;
  const [activeIndex, setActiveIndex] = useState(-1);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [dialog, setDialog] = useState<null | "snooze" | "merge" | "help">(null);
  const [showViews, setShowViews] = useState(false);
  const [showDetails, setShowDetails] = useState(false);
  const composer = useRef<ComposerHandle>(null);
  const search = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const i = items.findIndex((item) => item.number === url.conversation);
    if (i >= 0) setActiveIndex(i);
  }, [url.conversation, items]);
  useEffect(() => {
    setSelected(new Set());
    setShowViews(false);
  }, [url.view, url.q, url.priority]);

  const hrefFor = useCallback((number: number) => url.hrefFor({ conversation: number }), [url]);
  const target = thread?.conversation ?? (items[activeIndex] ? { id: items[activeIndex]!.id, number: items[activeIndex]!.number } : null);

  const act = useCallback(
    (change: ConversationAction, on = target) => {
      if (!on) return;
      const index = items.findIndex((i) => i.id === on.id);
      const item = items[index];
      const leaves = item ? leavesView(url.view, item, change, me) : false;
      action.mutate(
        { id: on.id, number: on.number, action: change },
        change.action === "resolve"
          ? { onSuccess: () => showToast({ tone: "info", message: `Resolved #${on.number}`, action: { label: "Undo", run: () => action.mutate({ id: on.id, number: on.number, action: { action: "reopen" } }) } }) }
          : undefined,
      );
      // Triage flow: when the open conversation leaves the view, the next one opens in its place.
      if (leaves && url.conversation === on.number) {
        const next = items[index + 1] ?? items[index - 1];
        url.navigate({ conversation: next?.number ?? null }, { replace: true });
      }
    },
    [target, items, url, me, action],
  );

  // After a merge the agent lands on the target; Undo (once) brings the source back and returns to it.
  const merge = useCallback(
    (into: { id: string; number: number }) => {
      const source = thread?.conversation;
      if (!source) return;
      action.mutate(
        { id: source.id, number: source.number, action: { action: "merge", into: into.id } },
        {
          onSuccess: () => {
            url.navigate({ conversation: into.number });
            showToast({
              tone: "info",
              message: `Merged #${source.number} into #${into.number}`,
              action: {
                label: "Undo",
                run: () =>
                  action.mutate(
                    { id: source.id, number: source.number, action: { action: "unmerge" } },
                    { onSuccess: () => url.navigate({ conversation: source.number }) },
                  ),
              },
            });
          },
        },
      );
    },
    [thread, action, url],
  );
  // Shift-click selects (or clears) every row from the last one clicked to this one, as in a mail client.
  const anchor = useRef<string | null>(null);
  const toggle = useCallback(
    (id: string, range = false) =>
      setSelected((s) => {
        const next = new Set(s);
        const on = !next.has(id);
        const from = range && anchor.current ? items.findIndex((i) => i.id === anchor.current) : -1;
        const to = items.findIndex((i) => i.id === id);
        const span = from >= 0 && to >= 0 ? items.slice(Math.min(from, to), Math.max(from, to) + 1) : [{ id }];
        for (const item of span) if (on) next.add(item.id); else next.delete(item.id);
        anchor.current = id;
        return next;
      }),
    [items],
  );
  const allSelected = items.length > 0 && items.every((i) => selected.has(i.id));

  useInboxShortcuts({
    next: () => setActiveIndex((i) => Math.min(i + 1, items.length - 1)),
    previous: () => setActiveIndex((i) => Math.max(i - 1, 0)),
    open: () => items[activeIndex] && url.navigate({ conversation: items[activeIndex]!.number }),
    reply: () => composer.current?.focus("reply"),
    note: () => composer.current?.focus("note"),
    resolve: () => act({ action: "resolve" }),
    claim: () => act({ action: "claim" }),
    snooze: () => target && setDialog("snooze"),
    select: () => items[activeIndex] && toggle(items[activeIndex]!.id),
    search: () => search.current?.focus(),
    help: () => setDialog("help"),
    escape: () => {
      if (showViews || showDetails) { setShowViews(false); setShowDetails(false); }
      else if (url.conversation) url.navigate({ conversation: null });
    },
  });

  const viewName = viewLabel(url.view, counts);
  useUnreadTitle(viewName, items.filter((i) => i.unread).length);
  const open = url.conversation;
  return (
    <div className="flex min-h-0 flex-1">
      <div className={`${showViews ? "fixed inset-y-0 left-0 z-30 shadow-xl" : "hidden"} w-56 shrink-0 border-r border-slate-200 bg-slate-100 lg:static lg:block dark:border-slate-800 dark:bg-slate-900`}>
        {showViews && (
          <div className="flex justify-end p-2 lg:hidden">
            <Button size="sm" variant="ghost" onClick={() => setShowViews(false)} aria-label="Close views">
              ✕
            </Button>
          </div>
        )}
        <ViewsSidebar />
      </div>
      <div className={`${open ? "hidden md:flex" : "flex"} w-full shrink-0 flex-col border-r border-slate-200 md:w-80 lg:w-96 dark:border-slate-800`}>
        <div className="space-y-2 border-b border-slate-200 p-3 dark:border-slate-800">
          <div className="flex items-center justify-between gap-2">
            <div className="flex items-center gap-2">
              <Button size="sm" variant="ghost" className="lg:hidden" aria-expanded={showViews} onClick={() => setShowViews((v) => !v)}>
                Views
              </Button>
              <h1 className="text-sm font-semibold" aria-live="polite">
                {url.q ? `Search in ${viewName}` : viewName}
              </h1>
            </div>
            <span className="flex items-center gap-1.5 text-xs text-slate-500" role="status">
              <span aria-hidden className={`h-2 w-2 rounded-full ${live === "live" ? "bg-emerald-500" : "bg-amber-500"}`} />
              {live === "live" ? "Live" : live === "offline" ? "Reconnecting…" : "Connecting…"}
            </span>
          </div>
          <SearchBox inputRef={search} />
          {url.q && list.data?.pages[0]?.fuzzy && (
            <p role="status" className="text-xs text-amber-700 dark:text-amber-400">
              No exact matches for “{url.q}”: showing similar names and subjects.
            </p>
          )}
          <div className="flex items-center justify-between gap-2">
            <label className="flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-300">
              <input
                type="checkbox"
                className="h-4 w-4 accent-indigo-600"
                checked={allSelected}
                disabled={items.length === 0}
                onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((i) => i.id)))}
              />
              Select all in view{items.length ? ` (${items.length})` : ""}
            </label>
            <NewEmailButton />
          </div>
          <SortAndFilter />
        </div>
        {selected.size > 0 && (
          <BulkBar
            count={selected.size}
            directory={directory}
            busy={bulk.isPending}
            onClear={() => setSelected(new Set())}
            onApply={(change) => bulk.mutate({ ids: [...selected], change }, { onSuccess: () => setSelected(new Set()) })}
          />
        )}
        <div className="min-h-0 flex-1">
          <ConversationList
            items={items}
            status={list.status}
            error={list.error}
            hasNextPage={list.hasNextPage}
            isFetchingNextPage={list.isFetchingNextPage}
            fetchNextPage={() => void list.fetchNextPage()}
            retry={() => void list.refetch()}
            activeIndex={activeIndex}
            openNumber={open}
            selected={selected}
            onToggle={toggle}
            hrefFor={hrefFor}
            emptyHint={emptyHint(url)}
            query={url.q}
          />
        </div>
      </div>
      <main className={`${open ? "flex" : "hidden md:flex"} min-w-0 flex-1 flex-col bg-white dark:bg-slate-950`}>
        {open ? (
          <ThreadPane
            key={open}
            number={open}
            me={me}
            act={act}
            composerRef={composer}
            hrefFor={hrefFor}
            onSnooze={() => setDialog("snooze")}
            onMerge={() => setDialog("merge")}
            onClose={() => url.navigate({ conversation: null })}
            onToggleDetails={() => setShowDetails((d) => !d)}
          />
        ) : (
          <EmptyState title="No conversation open">
            Pick one from the list, or press <Kbd>j</Kbd> / <Kbd>k</Kbd> then <Kbd>Enter</Kbd>. <Kbd>?</Kbd> lists every shortcut.
          </EmptyState>
        )}
      </main>
      {open && (
        <div className={`${showDetails ? "fixed inset-y-0 right-0 z-30 block shadow-xl" : "hidden"} w-80 shrink-0 border-l border-slate-200 bg-white xl:static xl:block dark:border-slate-800 dark:bg-slate-950`}>
          {showDetails && (
            <div className="flex justify-end border-b border-slate-200 p-2 xl:hidden dark:border-slate-800">
              <Button size="sm" variant="ghost" onClick={() => setShowDetails(false)} aria-label="Close details">
                ✕ Close
              </Button>
            </div>
          )}
          <DetailsPanel number={open} act={act} hrefFor={hrefFor} />
        </div>
      )}
      <SnoozeDialog open={dialog === "snooze"} onClose={() => setDialog(null)} onSnooze={(until) => act({ action: "snooze", until: until.toISOString() })} />
      {thread && (
        <MergeDialog
          open={dialog === "merge"}
          onClose={() => setDialog(null)}
          conversation={{ id: thread.conversation.id, number: thread.conversation.number, requesterId: thread.conversation.requester.id }}
          onMerge={merge}
        />
      )}
      <ShortcutHelp open={dialog === "help"} onClose={() => setDialog(null)} />
      <Toaster />
    </div>
  );
}

/** What an empty list tells the agent to do next. */
function emptyHint(url: { view: string; q?: string | null; priority?: string | null }) {
  if (url.q) {
    const elsewhere = url.view === "all" && !url.priority ? "" : url.view === "all" ? ", or clear the priority filter" : ", or search the All view";
    return `Nothing matches this search here. Try other words or a word's beginning${elsewhere}.`;
  }
  if (url.priority) return "No conversation of this priority in this view. Clear the priority filter to see them all.";
  return "Nothing waiting in this view. New conversations appear here as they arrive.";
}
