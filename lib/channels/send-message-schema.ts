import { z } from "zod";
import { MAX_BODY_CHARS } from "../conversations/schemas";

export const SEND_CHANNELS = ["email", "web", "whatsapp", "sms", "telegram"] as const;
export const CONFIGURABLE_CHANNELS = ["email", "web"] as const;

const button = z.strictObject({ label: z.string().trim().min(1).max(80), value: z.string().trim().min(1).max(200) });

/** `POST /api/v1/send-message/` (Dexra developer guide): one message to an end user on a channel. */
export const sendMessageSchema = z
  .strictObject({
    recipient_id: z.string().trim().min(1, "recipient_id is required").max(320).meta({ description: "End user id, external id or email address" }),
    channel: z.enum(SEND_CHANNELS),
    message_type: z.enum(["text", "template", "media", "button"]).default("text"),
    text: z.string().trim().min(1).max(MAX_BODY_CHARS).optional(),
    subject: z.string().trim().min(1).max(500).optional().meta({ description: "Subject of a new conversation (and of the mail)" }),
    template: z.string().trim().min(1).max(200).optional().meta({ description: "A canned reply's shortcut (with or without /) or id" }),
    variables: z.record(z.string().regex(/^[a-z_][a-z0-9_.]*$/i), z.union([z.string().max(2000), z.number()])).optional(),
    attachment_ids: z.array(z.uuid()).min(1).max(10).optional(),
    buttons: z.array(button).min(1).max(10).optional(),
    conversation_id: z.uuid().optional().meta({ description: "Continue this conversation of the recipient instead of starting one" }),
    channel_id: z.uuid().optional().meta({ description: "The email channel to send from (default: the organization's first)" }),
  })
  .superRefine((v, issue) => {
    const need = (field: keyof typeof v, why: string) => v[field] === undefined && issue.addIssue({ code: "custom", path: [field], message: `${field} is required ${why}` });
    if (v.message_type === "text") need("text", "for a text message");
    if (v.message_type === "template") need("template", "for a template message");
    if (v.message_type === "media") need("attachment_ids", "for a media message");
    if (v.message_type === "button") {
      need("text", "for a button message");
      need("buttons", "for a button message");
    }
  });
export type SendMessageInput = z.input<typeof sendMessageSchema>;

export const sendMessageResponseSchema = z
  .strictObject({ message_id: z.uuid(), conversation_id: z.uuid(), status: z.enum(["queued", "sent"]) })
  .meta({ id: "SendMessageResult" });
