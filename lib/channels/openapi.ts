import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { idParams, json, registerOperation } from "../openapi/common";
import { channelResponseSchema, createChannelSchema } from "./schemas";

const tags = ["Channels"];

export const inboundEmailResponseSchema = z
  .strictObject({
    status: z.enum(["stored", "duplicate"]).meta({ description: "`duplicate`: a mail with this Message-ID was already stored" }),
    conversation_id: z.uuid(),
    message_id: z.uuid().nullable(),
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
      "Mail to `address` (delivered to the built-in SMTP listener or posted to /api/v1/inbound/email/) creates or continues conversations; agent replies go out from it through DEXRA_SMTP_URL with Reply-To `local+<token>@domain`. Threading: the reply token first, then every id of References and In-Reply-To against the Message-IDs of all mail in and out; otherwise a new conversation. Replies to a merged conversation land in its target; replies to a deleted one start a new conversation. Auto-replies, bounces and list mail are stored but never answered and never reopen a conversation. An address belongs to one organization (409 when taken).",
    request: { body: { content: { "application/json": { schema: createChannelSchema } } } },
    success: { 201: json(channel, "The new channel") }, errors: [409],
  });
  registerOperation(registry, {
    method: "delete", path: "/api/v1/channels/{id}/", tags, keys: ["server"], summary: "Delete a channel",
    description: "New mail to its address is refused; conversations keep their history.",
    request: { params: idParams() }, success: { 200: json(z.object({ id: z.uuid(), deleted: z.literal(true) }), "Deleted") }, errors: [404],
  });
  registerOperation(registry, {
    method: "post", path: "/api/v1/inbound/email/", tags, keys: ["server"], summary: "Deliver a raw inbound mail",
    description:
      "For mail relays: the body is the raw RFC 5322 message (`Content-Type: message/rfc822`, up to DEXRA_INBOUND_MAX_BYTES, 40 MiB by default). Optional `X-Envelope-To` (comma-separated) and `X-Envelope-From` headers carry the SMTP envelope. Only channels of the key's organization receive it; 422 `channel_not_configured` when no recipient is one.",
    request: { body: { content: { "message/rfc822": { schema: z.string().meta({ format: "binary" }) } } } },
    success: { 202: json(inboundEmailResponseSchema, "Stored, or recognised as a duplicate") }, errors: [422],
  });
}
