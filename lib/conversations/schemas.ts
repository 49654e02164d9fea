import { z } from "zod";
import { emailSchema } from "../agents/schemas";
import { isoDateTimeSchema } from "../api/dates";

export const conversationStatusSchema = z.enum(["open", "pending", "snoozed", "resolved", "closed"]);
export const conversationPrioritySchema = z.enum(["low", "normal", "high", "urgent"]);
export const conversationChannelSchema = z.enum(["web", "email", "api", "callback"]);
// Values arrive from JSON.parse, so any value is JSON; z.unknown() keeps the OpenAPI description finite (z.json() is recursive).
export const metadataSchema = z.record(z.string(), z.unknown());

export const MAX_BODY_CHARS = 100_000;
export const messageBodySchema = z.string({ error: "body is required" }).trim().min(1, "body is required").max(MAX_BODY_CHARS);
const nameSchema = z.string().trim().max(200);

export const createConversationSchema = z.strictObject({
  subject: z.string({ error: "subject is required" }).trim().min(1, "subject is required").max(500, "subject must be at most 500 characters"),
  user_email: emailSchema.optional(),
  description: messageBodySchema.optional(),
  // Files of the first message (the widget's "New conversation" with an attachment): ids from POST /api/v1/attachments/.
  attachment_ids: z.array(z.uuid()).min(1).max(10).optional().meta({ description: "Uploaded files sent with the first message; needs `description`" }),
  user_first_name: nameSchema.optional(),
  user_last_name: nameSchema.optional(),
  priority: conversationPrioritySchema.default("normal"),
  channel: conversationChannelSchema.default("api"),
  metadata: metadataSchema.default({}),
});
export type CreateConversationInput = z.input<typeof createConversationSchema>;

const tagNameSchema = z.string().trim().min(1, "tag is required").max(50, "tag must be at most 50 characters");
export const customAttributesPatchSchema = z.record(z.string().min(1).max(100), z.unknown());

/** PATCH: only these fields can change; anything else is a 400 (no mass assignment). */
export const updateConversationSchema = z.strictObject({
  status: conversationStatusSchema.optional(),
  priority: conversationPrioritySchema.optional(),
  subject: z.string().trim().min(1, "subject cannot be empty").max(500, "subject must be at most 500 characters").optional(),
  assignee_email: emailSchema.nullable().optional(),
  assignee_id: z.uuid().nullable().optional(),
  team: z.string().trim().min(1).max(200).nullable().optional(),
  snoozed_until: isoDateTimeSchema.optional(),
  tags: z.array(tagNameSchema).max(50).optional(),
  custom_attributes: customAttributesPatchSchema.optional(),
});
export type UpdateConversationInput = z.input<typeof updateConversationSchema>;

export const claimConversationSchema = z
  .strictObject({
    agent_email: emailSchema.optional(),
    agent_id: z.uuid().optional(),
    force: z.boolean().default(true),
  })
  .refine((v) => v.agent_email || v.agent_id, { message: "agent_email or agent_id is required", path: ["agent_email"] });

export const snoozeConversationSchema = z.strictObject({ until: isoDateTimeSchema });
export const addTagSchema = z.strictObject({ tag: tagNameSchema });
export const mergeConversationSchema = z.strictObject({ into: z.uuid({ message: "into must be a conversation id" }) });

const pageLimitSchema = z.coerce.number().int().min(1, "limit must be at least 1").default(20);
const pageOffsetSchema = z.coerce.number().int().min(0, "offset must be at least 0").default(0);
export const paginationQuerySchema = z.object({ limit: pageLimitSchema, offset: pageOffsetSchema });

export const listConversationsQuerySchema = paginationQuerySchema.extend({
  user_email: emailSchema.optional(),
  status: conversationStatusSchema.optional(),
  assignee: z.string().trim().min(1).optional(),
  tag: z.string().trim().min(1).optional(),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe("Full-text search (web search syntax: words, \"a phrase\", -word, or): every word in the subject or anywhere in the conversation's messages, a phrase within one message; client keys search replies only, never private notes"),
});
export type ListConversationsQuery = z.input<typeof listConversationsQuerySchema>;

/** Actions without parameters (resolve, reopen, unmerge) take an empty body or `{}`. */
export const emptyBodySchema = z.strictObject({});
