import type { WebhookDelivery, WebhookEndpoint } from "@/db/schema";

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** The public shape of an endpoint; the secret is shown only once, by create and rotate. */
export function serializeWebhookEndpoint(row: WebhookEndpoint) {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    enabled: row.enabled,
    disabled_reason: row.disabledReason,
    failing_since: iso(row.failingSince),
    previous_secret_expires_at: row.previousSecret ? iso(row.previousSecretExpiresAt) : null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
export type WebhookEndpointJson = ReturnType<typeof serializeWebhookEndpoint>;

export type WebhookAttemptRow = {
  attempt: number;
  statusCode: number | null;
  latencyMs: number | null;
  error: string | null;
  responseBody: string | null;
  createdAt: Date;
};

/** `response_body` is the receiver's text, truncated; clients must display it as text, never as HTML. */
export function serializeWebhookAttempt(row: WebhookAttemptRow) {
  return {
    attempt: row.attempt,
    status_code: row.statusCode,
    latency_ms: row.latencyMs,
    error: row.error,
    response_body: row.responseBody,
    created_at: row.createdAt.toISOString(),
  };
}
export type WebhookAttemptJson = ReturnType<typeof serializeWebhookAttempt>;

export function serializeWebhookDelivery(row: WebhookDelivery & { eventType: string }, attempts: WebhookAttemptRow[]) {
  return {
    id: row.id,
    endpoint_id: row.endpointId,
    event_id: row.eventId,
    event_type: row.eventType,
    status: row.status,
    attempt_count: row.attempts,
    next_attempt_at: row.status === "pending" ? row.nextAttemptAt.toISOString() : null,
    last_status_code: row.lastStatusCode,
    last_error: row.lastError,
    last_attempt_at: iso(row.lastAttemptAt),
    delivered_at: iso(row.deliveredAt),
    created_at: row.createdAt.toISOString(),
    attempts: attempts.map(serializeWebhookAttempt),
  };
}
export type WebhookDeliveryJson = ReturnType<typeof serializeWebhookDelivery>;
