export { createDexra, type DexraClient, type DexraOptions, type EndUserIdentity } from "./client.js";
export { DexraError, unwrap } from "./errors.js";
export { cursorItems, eventPages, offsetItems, toArray } from "./pagination.js";
export { retryAfterMs, retryingFetch, type RetryOptions } from "./retry.js";
export { verifyWebhook, type DexraEvent } from "./webhooks.js";
export type { components, operations, paths } from "./schema.js";
