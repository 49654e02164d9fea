"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";

export type ListFilters = { view: string; sort: string; q: string; priority: string };
export type InboxUrlState = ListFilters & { conversation: number | null };

const DEFAULTS: InboxUrlState = { view: "open", sort: "newest", q: "", priority: "", conversation: null };

/**
 * The inbox's state lives in the URL (?view=&sort=&q=&priority=&c=), so every view, filter and
 * conversation is a link, and Back undoes navigation.
 */
export function useInboxUrl() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = useMemo<InboxUrlState>(() => {
    const c = Number(params.get("c"));
    return {
      view: params.get("view") || DEFAULTS.view,
      sort: params.get("sort") || DEFAULTS.sort,
      q: params.get("q") ?? "",
      priority: params.get("priority") ?? "",
      conversation: Number.isInteger(c) && c > 0 ? c : null,
    };
  }, [params]);

  const hrefFor = useCallback(
    (patch: Partial<InboxUrlState>) => {
      const next = { ...state, ...patch };
      const search = new URLSearchParams();
      if (next.view !== DEFAULTS.view) search.set("view", next.view);
      if (next.sort !== DEFAULTS.sort) search.set("sort", next.sort);
      if (next.q) search.set("q", next.q);
      if (next.priority) search.set("priority", next.priority);
      if (next.conversation) search.set("c", String(next.conversation));
      const query = search.toString();
      return query ? `${pathname}?${query}` : pathname;
    },
    [state, pathname],
  );

  const navigate = useCallback(
    (patch: Partial<InboxUrlState>, options: { replace?: boolean } = {}) => {
      const href = hrefFor(patch);
      if (options.replace) router.replace(href, { scroll: false });
      else router.push(href, { scroll: false });
    },
    [hrefFor, router],
  );

  const filters: ListFilters = useMemo(() => ({ view: state.view, sort: state.sort, q: state.q, priority: state.priority }), [state.view, state.sort, state.q, state.priority]);
  return { ...state, filters, hrefFor, navigate };
}
