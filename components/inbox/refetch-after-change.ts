import type { QueryClient, QueryKey } from "@tanstack/react-query";

/**
 * Refetches what a change touched, including queries whose first load is still in flight. TanStack Query joins
 * an invalidation to a fetch already running when the query has no data yet, and that fetch may have read the
 * database before the change committed: an agent opening a thread just as the customer writes saw the thread
 * without that message. Cancelling such a first load makes the refetch start after the change.
 */
export async function refetchAfterChange(client: QueryClient, queryKey: QueryKey) {
  await client.cancelQueries({ queryKey, predicate: (query) => query.state.data === undefined && query.state.fetchStatus === "fetching" });
  await client.invalidateQueries({ queryKey });
}
