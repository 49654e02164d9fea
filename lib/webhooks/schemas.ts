import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "../events/types";

export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);

export const webhookUrlSchema = z
  .string({ error: "url is required" })
  .trim()
  .max(2048, "url must be at most 2048 characters")
  .pipe(z.url({ protocol: /^https?$/, error: "url must be an http or https URL" }));

/** `["*"]` subscribes to every event type, including ones added later. */
export const webhookEventsSchema = z
  .array(z.union([z.literal("*"), webhookEventTypeSchema]), { error: "events must be a list of event types or [\"*\"]" })
  .min(1, "events must name at least one event type, or [\"*\"]")
  .transform((list): typeof list => (list.includes("*") ? ["*"] : [...new Set(list)]));

const descriptionSchema = z.string().trim().max(500, "description must be at most 500 characters").nullable();

export const createWebhookSchema = z.strictObject({
  url: webhookUrlSchema,
  events: webhookEventsSchema.default(["*"]),
  enabled: z.boolean().default(true),
  description: descriptionSchema.optional(),
});
export type CreateWebhookInput = z.input<typeof createWebhookSchema>;

export const updateWebhookSchema = z.strictObject({
  url: webhookUrlSchema.optional(),
  events: webhookEventsSchema.optional(),
  enabled: z.boolean().optional(),
  description: descriptionSchema.optional(),
});
export type UpdateWebhookInput = z.input<typeof updateWebhookSchema>;

/** During the grace period deliveries carry signatures from both the new and the previous secret. */
export const rotateWebhookSecretSchema = z.strictObject({
  grace_hours: z.number().int().min(0).max(168).default(24),
});
export type RotateWebhookSecretInput = z.input<typeof rotateWebhookSecretSchema>;

export const listDeliveriesSchema = z.object({
  status: z.enum(["pending", "succeeded", "failed"]).optional(),
  limit: z.coerce.number().int().min(1).default(20).transform((n) => Math.min(n, 100)),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListDeliveriesInput = z.input<typeof listDeliveriesSchema>;
