import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Suspense } from "react";
import { AppHeader } from "@/components/app-header";
import { InboxApp } from "@/components/inbox/inbox-app";
import { inboxKeys } from "@/components/inbox/query-keys";
import { requireAgent } from "@/lib/auth/require-agent";
import { countInboxViewsCached } from "@/lib/inbox/cached-view-counts";
import { getInboxDirectory } from "@/lib/inbox/get-directory";
import { getInboxThread } from "@/lib/inbox/get-thread";
import { listInboxConversations } from "@/lib/inbox/list-conversations";
import { readLiveCursor } from "@/lib/live/replay";

export const metadata: Metadata = { title: "Inbox" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/** Prefetches what the first screen shows, so it paints with data; the client takes over from the cache. */
export default async function InboxPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requireAgent();
  const { ctx, agent } = session;
  const params = await searchParams;
  const filters = { view: one(params.view) || "open", sort: one(params.sort) || "newest", q: one(params.q), priority: one(params.priority) };
  const number = Number(one(params.c));
  // Read before any data: the live stream replays every change from here, so none is lost while the page loads.
  const liveCursor = await readLiveCursor().catch(() => null);
  const client = new QueryClient();
  // A prefetch that fails (e.g. a hand-edited URL) is left to the client, which shows the error state.
  await Promise.all([
    client.prefetchInfiniteQuery({
      queryKey: inboxKeys.list(filters),
      initialPageParam: null as string | null,
      queryFn: () =>
        listInboxConversations(ctx, agent.id, { view: filters.view, sort: filters.sort as "newest", q: filters.q || undefined, priority: (filters.priority || undefined) as "low" | undefined, limit: 50 }),
    }),
    client.prefetchQuery({ queryKey: inboxKeys.counts(), queryFn: () => countInboxViewsCached(ctx, agent.id) }),
    client.prefetchQuery({ queryKey: inboxKeys.directory(), queryFn: () => getInboxDirectory(ctx, agent.id) }),
    Number.isInteger(number) && number > 0 ? client.prefetchQuery({ queryKey: inboxKeys.thread(number), queryFn: () => getInboxThread(ctx, number) }) : null,
  ]);
  const me = { id: agent.id, name: agent.name, email: agent.email, signature: agent.signature, notifyDesktopMine: Boolean(agent.notificationPrefs.desktop_mine) };
  return (
    <div className="flex h-dvh flex-col">
      <AppHeader session={session} />
      <HydrationBoundary state={dehydrate(client)}>
        <Suspense fallback={<p role="status" className="p-6 text-sm text-slate-500">Loading the inbox…</p>}>
          <InboxApp me={me} liveCursor={liveCursor} />
        </Suspense>
      </HydrationBoundary>
    </div>
  );
}
