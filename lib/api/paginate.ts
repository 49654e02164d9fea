/**
 * `{count, next, previous, results}` with next/previous as absolute URLs of the same query, or null. A page
 * whose count may be a lower bound (a search past its count cap) also says `count_exact`.
 */
export function paginated<T>(url: URL, page: { count: number; countExact?: boolean; limit: number; offset: number; results: T[] }) {
  const at = (offset: number) => {
    const next = new URL(url);
    next.searchParams.set("limit", String(page.limit));
    next.searchParams.set("offset", String(offset));
    return next.toString();
  };
  return {
    count: page.count,
    ...(page.countExact === undefined ? {} : { count_exact: page.countExact }),
    next: page.offset + page.limit < page.count ? at(page.offset + page.limit) : null,
    previous: page.offset > 0 ? at(Math.max(0, page.offset - page.limit)) : null,
    results: page.results,
  };
}
