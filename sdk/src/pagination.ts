import { unwrap } from "./errors.js";

type Result<T> = { data?: T; error?: unknown; response: Response };
type OffsetPage<T> = { count: number; next: string | null; results: T[] };
type CursorPage<T> = { data: T[]; meta: { total: number; next_cursor: string | null } };
type FeedPage<T> = { results: T[]; next_cursor: string | null; has_more: boolean };

/**
 * Every item of an `/api/v1` list (`{count, next, previous, results}`), page after page:
 * `for await (const c of offsetItems((q) => dexra.GET("/api/v1/conversations/", { params: { query: q } }))) …`
 */
export async function* offsetItems<T>(page: (query: { limit: number; offset: number }) => Promise<Result<OffsetPage<T>>>, limit = 100): AsyncGenerator<T> {
  for (let offset = 0; ; ) {
    const data = unwrap(await page({ limit, offset }));
    yield* data.results;
    if (!data.next || data.results.length === 0) return;
    offset += data.results.length;
  }
}

/**
 * Every item of a `/v1` list (`{data, meta: {total, next_cursor}}`), following the opaque cursor:
 * `for await (const c of cursorItems((cursor) => dexra.GET("/v1/conversations", { params: { query: { cursor } } }))) …`
 */
export async function* cursorItems<T>(page: (cursor: string | undefined) => Promise<Result<CursorPage<T>>>): AsyncGenerator<T> {
  for (let cursor: string | undefined; ; ) {
    const data = unwrap(await page(cursor));
    yield* data.data;
    if (!data.meta.next_cursor) return;
    cursor = data.meta.next_cursor;
  }
}

/**
 * The events feed (`GET /api/v1/events/`) from a saved cursor, page after page, each with the cursor to save once
 * its events are handled (so a receiver that missed deliveries catches up, and resumes where it stopped):
 * `for await (const { events, cursor } of eventPages((after) => dexra.GET("/api/v1/events/", { params: { query: { after } } }), saved)) …`
 */
export async function* eventPages<T>(
  page: (after: string | undefined) => Promise<Result<FeedPage<T>>>,
  after?: string,
): AsyncGenerator<{ events: T[]; cursor: string | null }> {
  for (let cursor = after; ; ) {
    const data = unwrap(await page(cursor));
    yield { events: data.results, cursor: data.next_cursor };
    if (!data.has_more || !data.next_cursor) return;
    cursor = data.next_cursor;
  }
}

/** Collects an async iterator into an array (for small lists and tests). */
export async function toArray<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
