import { z } from "zod";
import { emailSchema } from "../agents/schemas";

export const conversationStatusSchema = z.enum(["open", "pending", "snoozed", "resolved", "closed"]);
export const conversationPrioritySchema = z.enum(["low", "normal", "high", "urgent"]);
export const conversationChannelSchema = z.enum(["web", "email", "api", "callback"]);
export const metadataSchema = z.record(z.string(), z.json());

export const MAX_BODY_CHARS = 100_000;
export const messageBodySchema = z.string().trim().min(1, "body is required").max(MAX_BODY_CHARS);
const nameSchema = z.string().trim().max(200);

export const createConversationSchema = z.strictObject({
  subject: z.string({ error: "subject is required" }).trim().min(1, "subject is required").max(500, "subject must be at most 500 characters"),
  user_email: emailSchema.optional(),
  description: messageBodySchema.optional(),
  user_first_name: nameSchema.optional(),
  user_last_name: nameSchema.optional(),
  priority: conversationPrioritySchema.default("normal"),
  channel: conversationChannelSchema.default("api"),
  metadata: metadataSchema.default({}),
});
export type CreateConversationInput = z.input<typeof createConversationSchema>;
