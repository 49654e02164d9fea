/** What every anonymized text becomes. */
export const REDACTED = "[anonymized]";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/;
// The app's own enum values (statuses, priorities, channels, directions, message and sender types) carry no
// personal data and keep activity logs and events readable for reports.
const ENUM_WORDS = new Set([
  "open", "pending", "snoozed", "resolved", "closed",
  "low", "normal", "high", "urgent",
  "web", "email", "api", "callback", "whatsapp", "sms", "telegram",
  "inbound", "outbound", "reply", "note", "user", "agent", "end_user", "api_key", "system",
]);

const keeps = (value: string) => UUID.test(value) || TIMESTAMP.test(value) || ENUM_WORDS.has(value);

/**
 * A JSON value with every free text replaced by REDACTED: ids, timestamps, enum words, numbers, booleans and
 * the object keys (schema, not content) stay, so counts, ordering and timings survive anonymization.
 */
export function scrubJson(value: unknown): unknown {
  if (typeof value === "string") return keeps(value) ? value : REDACTED;
  if (Array.isArray(value)) return value.map(scrubJson);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubJson(v)]));
  return value;
}

/** Attribute values: every value goes (even a number can be personal: a phone, an order), keys stay. */
export const scrubAttributes = (attributes: Record<string, unknown>) => Object.fromEntries(Object.keys(attributes).map((k) => [k, REDACTED]));
