import { z } from "zod";
import { webhookEventTypeSchema, webhookUrlSchema } from "./schemas";
import { checkboxSchema, uuidSchema } from "../settings/parse";

// Form shapes over the webhooks module's own url/events rules: checkboxes arrive as "on" and `events[]`.
const endpointFields = {
  url: webhookUrlSchema,
  description: z.string().trim().max(500, "at most 500 characters").optional().transform((v) => v || null),
  // lib/webhooks normalizes the list (a "*" among others means all).
  events: z.preprocess(
    (v) => v ?? [],
    z.array(z.union([z.literal("*"), webhookEventTypeSchema]), { error: "choose events" }).min(1, "choose at least one event, or all events"),
  ),
  enabled: checkboxSchema,
};

export const createWebhookFormSchema = z.object(endpointFields);
export const updateWebhookFormSchema = z.object({ id: uuidSchema, ...endpointFields });
export const webhookIdSchema = z.object({ id: uuidSchema });
export const rotateWebhookFormSchema = z.object({
  id: uuidSchema,
  graceHours: z.coerce.number().int("a whole number of hours").min(0, "0 to 168 hours").max(168, "0 to 168 hours"),
});
export const redeliverFormSchema = z.object({ endpointId: uuidSchema, deliveryId: uuidSchema });
