import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { idParams, json, registerOperation } from "../openapi/common";
import { channelResponseSchema, createChannelSchema, verifyChannelSchema } from "./schemas";
import { sendMessageResponseSchema, sendMessageSchema } from "./send-message-schema";

export const attachmentResponseSchema = z
  .strictObject({
    id: z.uuid(),
    filename: z.string(),
    content_type: z.string().meta({ description: "Sniffed from the bytes, not taken from the upload's claim" }),
    size: z.number().int(),
    url: z.string().meta({ description: "Signed download URL, valid for DEXRA_ATTACHMENT_URL_TTL_SECONDS (1 hour by default)" }),
  })
  .meta({ id: "Attachment" });

const tags = ["Channels"];

export const inboundEmailResponseSchema = z
  .strictObject({
    status: z.enum(["stored", "duplicate", "verified"]).meta({
      description: "`duplicate`: a mail with this Message-ID was already stored; `verified`: the mail was a pending channel's verification mail coming back, which verified it",
    }),
    conversation_id: z.uuid().nullable(),
    message_id: z.uuid().nullable(),
    channel_id: z.uuid().optional(),
  })
  .meta({ id: "InboundEmailResult" });

export function registerChannelPaths(registry: OpenAPIRegistry) {
  const channel = channelResponseSchema.meta({ id: "Channel" });
  registerOperation(registry, {
    method: "get", path: "/api/v1/channels/", tags, keys: ["server"], summary: "List channels",
    success: { 200: json(z.object({ count: z.number().int(), results: z.array(channel) }).meta({ id: "ChannelList" }), "The organization's channels, oldest (the default) first") },
  });
  registerOperation(registry, {
    method: "post", path: "/api/v1/channels/", tags, keys: ["server"], summary: "Create an email channel",
    description:
      "Mail to `address` (delivered to the built-in SMTP listener or posted to /api/v1/inbound/email/) creates or continues conversations; agent replies go out from it through DEXRA_SMTP_URL with Reply-To `local+<token>@domain`. Threading: the reply token first, then every id of References and In-Reply-To against the Message-IDs of all mail in and out; otherwise a new conversation. Replies to a merged conversation land in its target; replies to a deleted one start a new conversation. Auto-replies, bounces and list mail are stored but never answered and never reopen a conversation. A new channel is `pending`: a verification mail with a one-time code is sent to the address through DEXRA_SMTP_URL, and until the code is entered (POST …/verify/) or that mail comes back on the inbound path (the address forwards to Dexra), mail to the address is refused and nothing is sent from it. An address verified by another organization cannot be added (409).",
    request: { body: { content: { "application/json": { schema: createChannelSchema } } } },
    success: { 201: json(channel, "The new channel") }, errors: [409],
  });
  registerOperation(registry, {
    method: "delete", path: "/api/v1/channels/{id}/", tags, keys: ["server"], summary: "Delete a channel",
    description: "New mail to its address is refused; conversations keep their history.",
    request: { params: idParams() }, success: { 200: json(z.object({ id: z.uuid(), deleted: z.literal(true) }), "Deleted") }, errors: [404],
  });
  registerOperation(registry, {
    method: "post", path: "/api/v1/channels/{id}/verify/", tags, keys: ["server"], summary: "Verify a channel's address",
    description: "`code`: the one-time code of the latest verification mail sent to the address. 400 when wrong or expired; 409 when another organization verified the address first.",
    request: { params: idParams(), body: { content: { "application/json": { schema: verifyChannelSchema } } } },
    success: { 200: json(channel, "The verified channel") }, errors: [400, 404, 409],
  });
  registerOperation(registry, {
    method: "post", path: "/api/v1/channels/{id}/resend-verification/", tags, keys: ["server"], summary: "Send a new verification mail",
    description: "Issues a new code (the previous one stops working) and queues the mail. At most once a minute per channel (429).",
    request: { params: idParams() }, success: { 200: json(channel, "The pending channel") }, errors: [404, 409, 429],
  });
  registerOperation(registry, {
    method: "post", path: "/api/v1/inbound/email/", tags, keys: ["server"], summary: "Deliver a raw inbound mail",
    description:
      "For mail relays: the body is the raw RFC 5322 message (`Content-Type: message/rfc822`, up to DEXRA_INBOUND_MAX_BYTES, 40 MiB by default). Optional `X-Envelope-To` (comma-separated) and `X-Envelope-From` headers carry the SMTP envelope. Only verified channels of the key's organization receive it; 422 `channel_not_configured` when no recipient is one, 422 `channel_not_verified` when the recipient is a channel still pending verification (unless the mail is its verification mail, which verifies it).",
    request: { body: { content: { "message/rfc822": { schema: z.string().meta({ format: "binary" }) } } } },
    success: { 202: json(inboundEmailResponseSchema, "Stored, or recognised as a duplicate") }, errors: [422],
  });
  registerOperation(registry, {
    method: "post", path: "/api/v1/attachments/", tags: ["Attachments"], keys: ["server", "client"], summary: "Upload an attachment",
    description:
      "multipart/form-data with one `file` field, up to 25 MiB (DEXRA_ATTACHMENT_MAX_BYTES). Send the returned id in `attachment_ids` of send-message, messages/create or conversations/create (first message); unsent uploads are removed after a day. A client key's end user may upload at most DEXRA_END_USER_UPLOADS_PER_HOUR files (30) and DEXRA_END_USER_UPLOAD_BYTES_PER_HOUR bytes (100 MiB) per hour: 429 `rate_limited` with Retry-After beyond that. SVG and HTML are only ever served as downloads. Programs and scripts (Windows, Linux and macOS executables by their bytes; .exe, .msi, .bat, .cmd, .ps1, .vbs, .js, .jar, .apk, .lnk and the like by name) are refused with 415 `unsupported_media_type`.",
    request: { body: { content: { "multipart/form-data": { schema: z.object({ file: z.string().meta({ format: "binary" }) }) } } } },
    success: { 201: json(attachmentResponseSchema, "The stored file") },
    errors: [415],
  });
  registry.registerPath({
    method: "get", path: "/api/attachments/{id}/", tags: ["Attachments"], summary: "Download an attachment (signed URL)",
    description: "No key: `expires` and `signature` are the credential, as handed out in `url`. Images, PDF and plain text are shown inline; everything else (SVG and HTML always) is a download with nosniff.",
    request: { params: idParams(), query: z.object({ expires: z.string(), signature: z.string() }) },
    responses: { 200: { description: "The file" }, 403: { description: "Invalid or expired signature" }, 404: { description: "Not found" } },
  });
  registerOperation(registry, {
    method: "post", path: "/api/v1/send-message/", tags: ["Messages"], keys: ["server"], summary: "Send a message to an end user",
    description:
      "One outbound message on `channel`: `email` (queued and mailed from the default email channel, or `channel_id`, with that address as From; status `queued`) or `web` (stored for the chat widget; status `sent`). `whatsapp`, `sms` and `telegram` have no connector: 422 `channel_not_configured` naming the channel, as is `email` without an email channel. `message_type`: `text` (needs `text`), `template` (a shared canned reply's shortcut or id; `{{requester.*}}`, `{{conversation.*}}` and any `{{name}}` in `variables` are filled, a missing one is 400), `media` (`attachment_ids` from POST /api/v1/attachments/, optional `text`), `button` (`text` plus `buttons` [{label, value}], shown as quick replies in the widget). Without `conversation_id` a new conversation is started (subject: `subject`, else the first line). `recipient_id`: an end user id, external id, or email (an unknown email creates the end user).",
    request: { body: { content: { "application/json": { schema: sendMessageSchema } } } },
    success: { 201: json(sendMessageResponseSchema, "The message") }, errors: [404, 422],
  });
}
