import { type RetryOptions } from "./retry.js";
import type { paths } from "./schema.js";
/** A client key's end user: email + HMAC hash, a signed JWT, or an anonymous visitor's token. */
export type EndUserIdentity = {
    email: string;
    hash: string;
} | {
    jwt: string;
} | {
    token: string;
};
export type DexraOptions = {
    /** `sk_live_…`/`sk_test_…` (server) or `pk_live_…`/`pk_test_…` (client, with `user`). */
    apiKey: string;
    /** Where Dexra runs, e.g. `https://help.example.com`. */
    baseUrl: string;
    /** Client keys act as this end user. */
    user?: EndUserIdentity;
    retry?: RetryOptions;
    /** A custom fetch (tests, proxies); defaults to the global one. */
    fetch?: (request: Request) => Promise<Response>;
};
/**
 * The typed Dexra client: `dexra.GET("/v1/conversations", { params: { query: { limit: 10 } } })`, with paths, bodies
 * and answers typed from the OpenAPI document, auth headers set, POSTs idempotent and 429/503 retried.
 */
export declare function createDexra(options: DexraOptions): import("openapi-fetch").Client<paths, `${string}/${string}`>;
export type DexraClient = ReturnType<typeof createDexra>;
export type { paths };
