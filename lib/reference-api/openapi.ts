import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { conversationResponseSchema } from "../conversations/openapi";
import { conversationStatusSchema } from "../conversations/schemas";
import { json, registerOperation } from "../openapi/common";
import { v1CreateConversationSchema, v1CreateMessageSchema, v1ListConversationsQuerySchema, v1UpdateUserSchema } from "./schemas";

const timestamp = z.iso.datetime();

export const v1ConversationListSchema = z
  .strictObject({
    data: z.array(
      z.strictObject({
        id: z.uuid(),
        status: conversationStatusSchema,
        subject: z.string(),
        created_at: timestamp,
        last_message: z.strictObject({ id: z.uuid(), text: z.string() }).nullable(),
      }),
    ),
    meta: z.strictObject({ total: z.number().int(), next_cursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page" }) }),
  })
  .meta({ id: "V1ConversationList" });

export const v1CreatedConversationSchema = z
  .strictObject({ id: z.uuid(), status: conversationStatusSchema, created_at: timestamp })
  .meta({ id: "V1CreatedConversation" });

export const v1ParticipantSchema = z
  .strictObject({ type: z.enum(["user", "agent"]), id: z.uuid(), email: z.string().nullable(), name: z.string().nullable() })
  .meta({ id: "V1Participant" });

export const v1ConversationSchema = conversationResponseSchema.extend({ participants: z.array(v1ParticipantSchema) }).meta({ id: "V1Conversation" });

export const v1MessageSentSchema = z
  .strictObject({ id: z.uuid(), conversation_id: z.uuid(), status: z.literal("sent"), timestamp: z.number().int().meta({ description: "Unix seconds" }) })
  .meta({ id: "V1MessageSent" });

export const v1UserSchema = z
  .strictObject({ id: z.string().meta({ description: "The id the caller used (ours or external_id)" }), email: z.string().nullable(), custom_attributes: z.record(z.string(), z.unknown()) })
  .meta({ id: "V1User" });

const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { "application/json": { schema } } } });
const tags = ["Reference API (/v1)"];

/** The reference API at /v1; paths also answer with a trailing slash. */
export function registerReferencePaths(registry: OpenAPIRegistry) {
  registerOperation(registry, {
    method: "get", path: "/v1/conversations", tags, keys: ["server", "client"], summary: "List all conversations",
    description: "Newest first, with an opaque keyset cursor: pass `meta.next_cursor` as `cursor`. `meta.total` counts the whole filtered set. Client keys see only their end user's conversations.",
    request: { query: v1ListConversationsQuerySchema }, success: { 200: json(v1ConversationListSchema, "A page of conversations") },
  });
  registerOperation(registry, {
    method: "post", path: "/v1/conversations", tags, keys: ["server", "client"], summary: "Create a conversation",
    description: "`user_id` is the user's id in your system (`external_id`); an unknown one creates the user. A client key creates for its verified end user (`user_id` must be theirs).",
    request: body(v1CreateConversationSchema), success: { 201: json(v1CreatedConversationSchema, "The new conversation") },
  });
  registerOperation(registry, {
    method: "get", path: "/v1/conversations/{id}", tags, keys: ["server", "client"], summary: "Retrieve a conversation",
    description: "The conversation with its `participants`: the requester (`user`), then every agent who wrote in it.",
    request: { params: z.object({ id: z.uuid() }) }, success: { 200: json(v1ConversationSchema, "The conversation") }, errors: [404],
  });
  registerOperation(registry, {
    method: "post", path: "/v1/messages", tags, keys: ["server", "client"], summary: "Send a message",
    description: "A server key writes as the organization's API identity (an outbound reply shown as \"API\"), or as an agent named by `user_email`; a client key writes as its end user. `private_note` needs a server key (403 otherwise).",
    request: body(v1CreateMessageSchema), success: { 201: json(v1MessageSentSchema, "The message was stored") }, errors: [404],
  });
  registerOperation(registry, {
    method: "patch", path: "/v1/users/{id}", tags, keys: ["server"], summary: "Update user attributes",
    description: "`id` is our id or yours (`external_id`). `custom_attributes` merge (null deletes a key). Unknown users → 404: PATCH never creates.",
    request: { params: z.object({ id: z.string() }), ...body(v1UpdateUserSchema) }, success: { 200: json(v1UserSchema, "The user") }, errors: [404, 409],
  });
}
