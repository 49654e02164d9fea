import type { ListFilters } from "./use-inbox-url";

/** Every inbox query key, so live updates and mutations invalidate exactly what they change. */
export const inboxKeys = {
  all: ["inbox"] as const,
  lists: () => ["inbox", "list"] as const,
  list: (filters: ListFilters) => ["inbox", "list", filters] as const,
  counts: () => ["inbox", "counts"] as const,
  directory: () => ["inbox", "directory"] as const,
  threads: () => ["inbox", "thread"] as const,
  thread: (number: number) => ["inbox", "thread", number] as const,
  activity: (id: string) => ["inbox", "activity", id] as const,
  requester: (id: string) => ["inbox", "requester", id] as const,
};
