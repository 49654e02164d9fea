/** What every anonymized text becomes. */
export const REDACTED = "[anonymized]";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/;
// The app's own enum values (statuses, priorities, channels, directions, message and sender types) carry no
// personal data and keep activity logs and events readable for reports.
const ENUM_WORDS = new Set([
  "open", "pending", "snoozed", "resolved", "closed",
  "low", "normal", "high", "urgent",
  "web", "email", "api", "callback", "whatsapp", "sms", "telegram",
  "inbound", "outbound", "reply", "note", "user", "agent", "end_user", "api_key", "system",
]);
// Customer-defined content: every value inside goes, whatever it looks like (a birthday is a date, a phone a number).
const FREE_FORM = new Set(["custom_attributes", "metadata", "changes"]);

function keeps(key: string | undefined, value: string) {
  if (UUID.test(value) || ENUM_WORDS.has(value)) return true;
  return key !== undefined && /(_at|_until)$/.test(key) && TIMESTAMP.test(value);
}

/**
 * A JSON value with every free text replaced by REDACTED: ids, the app's timestamps (`…_at`), enum words, numbers,
 * booleans and the object keys (schema, not content) stay, so counts, ordering and timings survive anonymization;
 * inside customer-defined objects (attributes, metadata, change sets) every value goes.
 */
export function scrubJson(value: unknown, key?: string, freeForm = false): unknown {
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, key, freeForm));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubJson(v, k, freeForm || FREE_FORM.has(k))]));
  }
  if (value === null || value === undefined) return value;
  if (freeForm) return REDACTED;
  if (typeof value === "string") return keeps(key, value) ? value : REDACTED;
  return value;
}

/** Attribute values: every value goes (even a number can be personal: a phone, an order), keys stay. */
export const scrubAttributes = (attributes: Record<string, unknown>) => Object.fromEntries(Object.keys(attributes).map((k) => [k, REDACTED]));
