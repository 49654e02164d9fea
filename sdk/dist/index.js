export { createDexra } from "./client.js";
export { DexraError, unwrap } from "./errors.js";
export { cursorItems, eventPages, offsetItems, toArray } from "./pagination.js";
export { retryAfterMs, retryingFetch } from "./retry.js";
export { verifyWebhook } from "./webhooks.js";
