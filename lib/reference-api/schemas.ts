import { z } from "zod";
import { emailSchema } from "../agents/schemas";
import { conversationStatusSchema, customAttributesPatchSchema, messageBodySchema } from "../conversations/schemas";

// The request shapes of the Dexra reference API at /v1 (seed dexra-api-reference.txt), parsed by the /v1
// handlers and described by lib/reference-api/openapi.ts from these same schemas.

export const v1ListConversationsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1, "limit must be at least 1").default(20).describe("Max number of results (default 20, above 100 clamped to 100)"),
  cursor: z.string().min(1).max(500).optional().describe("`meta.next_cursor` of the previous page (opaque)"),
  status: conversationStatusSchema.optional(),
});

const tagSchema = z.string().trim().min(1, "tag is required").max(50, "tag must be at most 50 characters");

export const v1CreateConversationSchema = z.strictObject({
  user_id: z.string({ error: "user_id is required" }).trim().min(1, "user_id is required").max(200).describe("The user's id in your system (their external_id); an unknown one creates the user"),
  subject: z.string().trim().min(1, "subject cannot be empty").max(500, "subject must be at most 500 characters").optional(),
  tags: z.array(tagSchema).max(50).optional(),
});

export const v1CreateMessageSchema = z.strictObject({
  conversation_id: z.string({ error: "conversation_id is required" }).min(1, "conversation_id is required"),
  content: messageBodySchema.describe("Message body (Markdown)"),
  type: z.enum(["text", "private_note"]).default("text"),
  user_email: emailSchema.optional().describe("Server keys: send as this agent instead of the organization's API identity"),
});

export const v1UpdateUserSchema = z.strictObject({
  email: emailSchema.nullable().optional(),
  custom_attributes: customAttributesPatchSchema.optional(),
});

export type V1ListConversationsQuery = z.input<typeof v1ListConversationsQuerySchema>;
export type V1CreateConversationInput = z.input<typeof v1CreateConversationSchema>;
export type V1CreateMessageInput = z.input<typeof v1CreateMessageSchema>;
export type V1UpdateUserInput = z.input<typeof v1UpdateUserSchema>;
