import createClient, { type Middleware } from "openapi-fetch";
import { retryingFetch, type RetryOptions } from "./retry.js";
import type { paths } from "./schema.js";

/** A client key's end user: email + HMAC hash, a signed JWT, or an anonymous visitor's token. */
export type EndUserIdentity = { email: string; hash: string } | { jwt: string } | { token: string };

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

function identityHeaders(user: EndUserIdentity | undefined): Record<string, string> {
  if (!user) return {};
  if ("email" in user) return { "x-dexra-user-email": user.email, "x-dexra-user-hash": user.hash };
  if ("jwt" in user) return { "x-dexra-user-jwt": user.jwt };
  return { "x-dexra-user-token": user.token };
}

/** Every POST gets an Idempotency-Key (unless the caller set one), so retries never repeat a change. */
const idempotency: Middleware = {
  onRequest({ request }) {
    if (request.method === "POST" && !request.headers.has("idempotency-key")) request.headers.set("idempotency-key", globalThis.crypto.randomUUID());
    return request;
  },
};

/**
 * The typed Dexra client: `dexra.GET("/v1/conversations", { params: { query: { limit: 10 } } })`, with paths, bodies
 * and answers typed from the OpenAPI document, auth headers set, POSTs idempotent and 429/503 retried.
 */
export function createDexra(options: DexraOptions) {
  const inner = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/$/, ""),
    fetch: retryingFetch(inner, options.retry),
    headers: { authorization: `Bearer ${options.apiKey}`, ...identityHeaders(options.user) },
  });
  client.use(idempotency);
  return client;
}

export type DexraClient = ReturnType<typeof createDexra>;
export type { paths };
