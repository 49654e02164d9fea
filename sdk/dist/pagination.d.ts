type Result<T> = {
    data?: T;
    error?: unknown;
    response: Response;
};
type OffsetPage<T> = {
    count: number;
    next: string | null;
    results: T[];
};
type CursorPage<T> = {
    data: T[];
    meta: {
        total: number;
        next_cursor: string | null;
    };
};
/**
 * Every item of an `/api/v1` list (`{count, next, previous, results}`), page after page:
 * `for await (const c of offsetItems((q) => dexra.GET("/api/v1/conversations/", { params: { query: q } }))) …`
 */
export declare function offsetItems<T>(page: (query: {
    limit: number;
    offset: number;
}) => Promise<Result<OffsetPage<T>>>, limit?: number): AsyncGenerator<T>;
/**
 * Every item of a `/v1` list (`{data, meta: {total, next_cursor}}`), following the opaque cursor:
 * `for await (const c of cursorItems((cursor) => dexra.GET("/v1/conversations", { params: { query: { cursor } } }))) …`
 */
export declare function cursorItems<T>(page: (cursor: string | undefined) => Promise<Result<CursorPage<T>>>): AsyncGenerator<T>;
/** Collects an async iterator into an array (for small lists and tests). */
export declare function toArray<T>(items: AsyncIterable<T>): Promise<T[]>;
export {};
