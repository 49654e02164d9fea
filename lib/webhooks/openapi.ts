import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { pageOf } from "../conversations/openapi";
import { listEventsSchema } from "../events/feed";
import { idParams, json, registerOperation } from "../openapi/common";
import { createWebhookSchema, listDeliveriesSchema, rotateWebhookSecretSchema, updateWebhookSchema } from "./schemas";

const timestamp = z.iso.datetime();

export const webhookEndpointResponseSchema = z
  .strictObject({
    id: z.uuid(),
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(z.string()).meta({ description: 'Event types, or ["*"] for all' }),
    enabled: z.boolean(),
    disabled_reason: z.string().nullable().meta({ description: "Why Dexra disabled the endpoint (410 Gone, or 5 days of failures)" }),
    failing_since: timestamp.nullable(),
    previous_secret_expires_at: timestamp.nullable().meta({ description: "Until then deliveries are also signed with the previous secret" }),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "WebhookEndpoint" });

export const webhookEndpointWithSecretSchema = webhookEndpointResponseSchema
  .extend({ secret: z.string().meta({ description: "whsec_…: shown only in this response", example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }) })
  .meta({ id: "WebhookEndpointWithSecret" });

export const webhookDeliveryResponseSchema = z
  .strictObject({
    id: z.uuid(),
    endpoint_id: z.uuid(),
    event_id: z.uuid().meta({ description: "Also the webhook-id header of every attempt" }),
    event_type: z.string(),
    status: z.enum(["pending", "succeeded", "failed"]),
    attempt_count: z.number().int(),
    next_attempt_at: timestamp.nullable(),
    last_status_code: z.number().int().nullable(),
    last_error: z.string().nullable(),
    last_attempt_at: timestamp.nullable(),
    delivered_at: timestamp.nullable(),
    created_at: timestamp,
    attempts: z.array(
      z.strictObject({
        attempt: z.number().int(),
        status_code: z.number().int().nullable(),
        latency_ms: z.number().int().nullable(),
        error: z.string().nullable(),
        response_body: z.string().nullable().meta({ description: "The receiver's answer, truncated to 1 KiB; display as text" }),
        created_at: timestamp,
      }),
    ),
  })
  .meta({ id: "WebhookDelivery" });

export const eventResponseSchema = z
  .strictObject({
    id: z.uuid(),
    type: z.string(),
    created_at: timestamp,
    organization_id: z.uuid(),
    data: z.record(z.string(), z.unknown()).meta({ description: "Conversation events carry `sequence`, increasing per conversation" }),
  })
  .meta({ id: "Event" });

export const eventPageSchema = z
  .strictObject({ results: z.array(eventResponseSchema), next_cursor: z.string().nullable(), has_more: z.boolean() })
  .meta({ id: "EventPage" });

const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { "application/json": { schema } } } });
const tags = ["Webhooks"];
const endpoint = (description: string) => ({ 200: json(webhookEndpointResponseSchema, description) });

export function registerWebhookPaths(registry: OpenAPIRegistry) {
  const params = idParams();
  registerOperation(registry, {
    method: "get", path: "/api/v1/webhooks/", tags, keys: ["server"], summary: "List webhook endpoints",
    success: { 200: json(z.object({ count: z.number().int(), results: z.array(webhookEndpointResponseSchema) }).meta({ id: "WebhookEndpointList" }), "The endpoints") },
  });
  registerOperation(registry, {
    method: "post", path: "/api/v1/webhooks/", tags, keys: ["server"], summary: "Create a webhook endpoint",
    description: "The `whsec_` signing secret is returned once, here. The URL's addresses must be public (checked now and at every delivery) unless the operator set DEXRA_WEBHOOK_ALLOW_PRIVATE=1.",
    request: body(createWebhookSchema), success: { 201: json(webhookEndpointWithSecretSchema, "The new endpoint and its secret") },
  });
  registerOperation(registry, {
    method: "get", path: "/api/v1/webhooks/{id}/", tags, keys: ["server"], summary: "Get a webhook endpoint",
    request: { params }, success: endpoint("The endpoint"), errors: [404],
  });
  registerOperation(registry, {
    method: "patch", path: "/api/v1/webhooks/{id}/", tags, keys: ["server"], summary: "Update a webhook endpoint",
    description: "Sending `enabled` (true or false) clears `disabled_reason` and the failure clock.",
    request: { params, ...body(updateWebhookSchema) }, success: endpoint("The updated endpoint"), errors: [404],
  });
  registerOperation(registry, {
    method: "delete", path: "/api/v1/webhooks/{id}/", tags, keys: ["server"], summary: "Delete a webhook endpoint",
    request: { params }, success: { 200: json(z.object({ id: z.uuid(), deleted: z.literal(true) }), "Deleted, with its delivery log") }, errors: [404],
  });
  registerOperation(registry, {
    method: "post", path: "/api/v1/webhooks/{id}/rotate-secret/", tags, keys: ["server"], summary: "Rotate the signing secret",
    description: "Returns the new secret once. For `grace_hours` (default 24) deliveries carry signatures from both secrets.",
    request: { params, ...body(rotateWebhookSecretSchema) }, success: { 200: json(webhookEndpointWithSecretSchema, "The endpoint and its new secret") }, errors: [404],
  });
  registerOperation(registry, {
    method: "post", path: "/api/v1/webhooks/{id}/test/", tags, keys: ["server"], summary: "Send a test event",
    description: "Queues a `webhook_test` event for this endpoint only (not in /api/v1/events/). 409 when the endpoint is disabled.",
    request: { params }, success: { 202: json(webhookDeliveryResponseSchema, "The queued delivery") }, errors: [404, 409],
  });
  registerOperation(registry, {
    method: "get", path: "/api/v1/webhooks/{id}/deliveries/", tags, keys: ["server"], summary: "List deliveries and their attempts",
    description: "Newest first, each with every attempt (status code, latency, error, truncated response body).",
    request: { params, query: listDeliveriesSchema }, success: { 200: json(pageOf(webhookDeliveryResponseSchema, "WebhookDeliveryPage"), "A page of deliveries") }, errors: [404],
  });
  registerOperation(registry, {
    method: "post", path: "/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver/", tags, keys: ["server"], summary: "Redeliver",
    description: "Queues one more attempt now, with the same webhook-id.",
    request: { params: params.extend(idParams("deliveryId").shape) }, success: { 202: json(webhookDeliveryResponseSchema, "The queued delivery") }, errors: [404],
  });
  registerOperation(registry, {
    method: "get", path: "/api/v1/events/", tags: ["Events"], keys: ["server"], summary: "Events feed",
    description:
      "The events webhooks carry, oldest first, kept 30 days. Pass the last `next_cursor` as `after` to continue; a cursor never skips an event that commits late. Use it to catch up after missed deliveries; de-duplicate by `id` (the webhook-id).",
    request: { query: listEventsSchema }, success: { 200: json(eventPageSchema, "A page of events") },
  });
}
