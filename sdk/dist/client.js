import createClient from "openapi-fetch";
import { retryingFetch } from "./retry.js";
function identityHeaders(user) {
    if (!user)
        return {};
    if ("email" in user)
        return { "x-dexra-user-email": user.email, "x-dexra-user-hash": user.hash };
    if ("jwt" in user)
        return { "x-dexra-user-jwt": user.jwt };
    return { "x-dexra-user-token": user.token };
}
/** Every POST gets an Idempotency-Key (unless the caller set one), so retries never repeat a change. */
const idempotency = {
    onRequest({ request }) {
        if (request.method === "POST" && !request.headers.has("idempotency-key"))
            request.headers.set("idempotency-key", globalThis.crypto.randomUUID());
        return request;
    },
};
/**
 * The typed Dexra client: `dexra.GET("/v1/conversations", { params: { query: { limit: 10 } } })`, with paths, bodies
 * and answers typed from the OpenAPI document, auth headers set, POSTs idempotent and 429/503 retried.
 */
export function createDexra(options) {
    const inner = options.fetch ?? ((request) => globalThis.fetch(request));
    const client = createClient({
        baseUrl: options.baseUrl.replace(/\/$/, ""),
        fetch: retryingFetch(inner, options.retry),
        headers: { authorization: `Bearer ${options.apiKey}`, ...identityHeaders(options.user) },
    });
    client.use(idempotency);
    return client;
}
