import { z } from "zod";
import { emailSchema } from "../agents/schemas";
import { messageBodySchema } from "../conversations/schemas";

export const messageTypeSchema = z.enum(["reply", "note"]);

export const createMessageSchema = z.strictObject({
  body: messageBodySchema,
  /** The sender: the requester (inbound reply) or an agent of the organization (outbound reply or note). */
  user_email: emailSchema.optional(),
  message_type: messageTypeSchema.default("reply"),
  /** Files from POST /api/v1/attachments/ (a client key: only its own uploads), sent with the message. */
  attachment_ids: z.array(z.uuid()).min(1).max(10).optional(),
});
export type CreateMessageInput = z.input<typeof createMessageSchema>;
