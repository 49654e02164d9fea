import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { attachmentResponseSchema } from "../channels/openapi";
import { idParams, json, registerOperation } from "../openapi/common";
import { createMessageSchema } from "../messages/schemas";
import { rateConversationSchema } from "../ratings/schemas";
import {
  addTagSchema,
  claimConversationSchema,
  conversationChannelSchema,
  conversationPrioritySchema,
  conversationStatusSchema,
  createConversationSchema,
  listConversationsQuerySchema,
  mergeConversationSchema,
  snoozeConversationSchema,
  updateConversationSchema,
} from "./schemas";

const timestamp = z.iso.datetime();

/** The response shapes; conversation-openapi.test.ts checks the serializers' output against them. */
export const conversationResponseSchema = z
  .strictObject({
    id: z.uuid(),
    number: z.number().int().meta({ description: "Per organization: 1, 2, 3…" }),
    subject: z.string(),
    status: conversationStatusSchema,
    priority: conversationPrioritySchema,
    channel: conversationChannelSchema,
    metadata: z.record(z.string(), z.unknown()),
    tags: z.array(z.string()).optional().meta({ description: "Server keys only: an end user (client key) never sees tags" }),
    custom_attributes: z.record(z.string(), z.unknown()).meta({ description: "Client keys see only the attributes whose definition is marked public" }),
    requester: z.strictObject({ id: z.uuid(), email: z.string().nullable(), first_name: z.string().nullable(), last_name: z.string().nullable() }),
    assignee: z
      .strictObject({ id: z.uuid().optional(), email: z.string().optional(), name: z.string() })
      .nullable()
      .meta({ description: "Client keys see the agent's display name only" }),
    team: z.strictObject({ id: z.uuid(), name: z.string() }).nullable().optional().meta({ description: "Server keys only" }),
    snoozed_until: timestamp.nullable(),
    merged_into_id: z.uuid().nullable(),
    created_at: timestamp,
    updated_at: timestamp,
    resolved_at: timestamp.nullable(),
  })
  .meta({ id: "Conversation" });

export const messageResponseSchema = z
  .strictObject({
    id: z.uuid(),
    conversation_id: z.uuid(),
    sender_email: z.string().nullable(),
    sender_type: z.enum(["user", "agent"]),
    body: z.string().meta({ description: "Markdown, stored as written" }),
    message_type: z.enum(["reply", "note"]),
    direction: z.enum(["inbound", "outbound"]),
    external_id: z.string().nullable(),
    created_at: timestamp,
    delivery_status: z.enum(["queued", "sent", "failed"]).nullable().optional().meta({ description: "Outbound email: queued, sent, or failed (retried like webhooks); null for other messages. In message lists." }),
    delivery_error: z.string().nullable().optional().meta({ description: "Why the last delivery attempt failed" }),
    attachments: z.array(attachmentResponseSchema).optional().meta({ description: "Files sent with the message (signed, expiring URLs). In message lists." }),
    buttons: z.array(z.object({ label: z.string(), value: z.string() })).optional().meta({ description: "Quick replies sent with send-message `button`. In message lists." }),
  })
  .meta({ id: "Message" });

export const activityResponseSchema = z
  .strictObject({
    id: z.uuid(),
    conversation_id: z.uuid(),
    action: z.string().meta({ example: "claimed" }),
    actor: z.strictObject({ type: z.enum(["agent", "end_user", "api_key", "system"]), id: z.uuid().nullable(), name: z.string().nullable() }),
    data: z.record(z.string(), z.unknown()),
    created_at: timestamp,
  })
  .meta({ id: "Activity" });

export const ratingResponseSchema = z
  .strictObject({
    id: z.uuid(),
    conversation_id: z.uuid(),
    end_user_id: z.uuid().nullable(),
    score: z.number().int(),
    comment: z.string().nullable(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "Rating" });

export const pageOf = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ count: z.number().int(), next: z.url().nullable(), previous: z.url().nullable(), results: z.array(item) }).meta({ id });

/** The conversation list's page: with `q`, its `count` is exact only up to the search count cap. */
const conversationPageSchema = z
  .object({
    count: z.number().int().meta({
      description:
        "How many conversations match. Exact without `q`. With `q`, exact up to 10,000 matches (DEXRA_SEARCH_COUNT_CAP); past that, counting stops: `count` is then a lower bound (10,001, or one past the requested page when that is further) and `count_exact` is false. `next` stays right either way.",
    }),
    count_exact: z.boolean().meta({ description: "false when `count` is a lower bound (a search with more matches than the count cap)" }),
    next: z.url().nullable(),
    previous: z.url().nullable(),
    results: z.array(conversationResponseSchema),
  })
  .meta({ id: "ConversationPage" });

const listOf = <T extends z.ZodType>(item: T, id: string) => z.object({ count: z.number().int(), results: z.array(item) }).meta({ id });

const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { "application/json": { schema } } } });
const conversation = (description: string) => ({ 200: json(conversationResponseSchema, description) });
const tags = ["Conversations"];

export function registerConversationPaths(registry: OpenAPIRegistry) {
  const params = idParams();
  registerOperation(registry, {
    method: "post", path: "/api/v1/conversations/create/", tags, keys: ["server", "client"],
    summary: "Create a conversation",
    description: "The user is looked up by email, or created. No email → an anonymous user; with a client key its token comes back once in `X-Dexra-User-Token`. `description` becomes the first message.",
    request: body(createConversationSchema),
    success: { 201: json(conversationResponseSchema, "The new conversation") },
  });
  registerOperation(registry, {
    method: "get", path: "/api/v1/conversations/", tags, keys: ["server", "client"],
    summary: "List conversations",
    description: "Newest first. `limit` defaults to 20; above 100 it is clamped to 100. `q` is full-text search over subjects and message bodies; its `count` is exact up to 10,000 matches, a lower bound past that (`count_exact: false`). `assignee` is an agent email, id, or `none`. Client keys see only their end user's conversations.",
    request: { query: listConversationsQuerySchema },
    success: { 200: json(conversationPageSchema, "A page of conversations") },
  });
  registerOperation(registry, {
    method: "get", path: "/api/v1/conversations/{id}/", tags, keys: ["server", "client"], summary: "Get a conversation",
    request: { params }, success: conversation("The conversation"), errors: [404],
  });
  registerOperation(registry, {
    method: "patch", path: "/api/v1/conversations/{id}/", tags, keys: ["server"], summary: "Update a conversation",
    description: "Only the fields sent change. `tags` replaces the set; `custom_attributes` merges (null deletes a key); `assignee_email: null` unassigns; `snoozed_until` snoozes. Unknown fields → 400.",
    request: { params, ...body(updateConversationSchema) }, success: conversation("The updated conversation"), errors: [404],
  });
  registerOperation(registry, {
    method: "get", path: "/api/v1/conversations/{id}/messages/", tags, keys: ["server", "client"], summary: "List messages",
    description: "Oldest first. Client keys never see private notes.",
    request: { params }, success: { 200: json(listOf(messageResponseSchema, "MessageList"), "The messages") }, errors: [404],
  });
  registerOperation(registry, {
    method: "post", path: "/api/v1/conversations/{id}/messages/create/", tags, keys: ["server", "client"], summary: "Send a message",
    description: "`user_email` is the sender: the requester → inbound reply (reopens a pending, snoozed, resolved or closed conversation); an agent of the organization → outbound reply; anyone else → 400. `message_type: note` (private) only from agents. With a client key the sender is always the end user.",
    request: { params, ...body(createMessageSchema) }, success: { 201: json(messageResponseSchema, "The new message") }, errors: [404],
  });
  for (const [action, summary, description] of [
    ["resolve", "Resolve (close) a conversation", "Status becomes `closed` and `resolved_at` is set."],
    ["reopen", "Reopen a conversation", "Status becomes `open`."],
    ["unmerge", "Undo a merge", "Moves the merged messages back and restores the previous status."],
  ] as const) {
    registerOperation(registry, {
      method: "post", path: `/api/v1/conversations/{id}/${action}/`, tags, keys: ["server"], summary, description,
      request: { params }, success: conversation("The conversation"), errors: [404, ...(action === "unmerge" ? [409] : [])],
    });
  }
  // POST answers the same (Dixa uses PUT, others POST); documented once so each operation appears once.
  registerOperation(registry, {
    method: "put", path: "/api/v1/conversations/{id}/claim/", tags, keys: ["server"], summary: "Claim a conversation",
    description: "Assigns an agent. With `force: false` and another assignee → 409 `already_assigned` (\"Already assigned to …\"); of two concurrent claims exactly one wins. `POST` is accepted too.",
    request: { params, ...body(claimConversationSchema) }, success: conversation("The claimed conversation"), errors: [404, 409],
  });
  registerOperation(registry, {
    method: "post", path: "/api/v1/conversations/{id}/snooze/", tags, keys: ["server"], summary: "Snooze until a time",
    description: "The conversation wakes up as `open` by itself.",
    request: { params, ...body(snoozeConversationSchema) }, success: conversation("The snoozed conversation"), errors: [404],
  });
  registerOperation(registry, {
    method: "post", path: "/api/v1/conversations/{id}/tags/", tags, keys: ["server"], summary: "Add a tag",
    description: "Tags are created on first use; names are case-insensitive.",
    request: { params, ...body(addTagSchema) }, success: conversation("The conversation"), errors: [404],
  });
  registerOperation(registry, {
    method: "delete", path: "/api/v1/conversations/{id}/tags/{tag}/", tags, keys: ["server"], summary: "Remove a tag",
    request: { params: params.extend({ tag: z.string() }) }, success: conversation("The conversation"), errors: [404],
  });
  registerOperation(registry, {
    method: "get", path: "/api/v1/conversations/{id}/activity/", tags, keys: ["server"], summary: "Activity log",
    description: "Oldest first: created, message, note, claimed, assigned, status changes, tags, attribute changes, rating, merges; each with actor and time.",
    request: { params }, success: { 200: json(listOf(activityResponseSchema, "ActivityList"), "The activity log") }, errors: [404],
  });
  registerOperation(registry, {
    method: "post", path: "/api/v1/conversations/{id}/rating/", tags, keys: ["server", "client"], summary: "Rate a conversation",
    description: "One rating per conversation, on behalf of its requester; rating again replaces it.",
    request: { params, ...body(rateConversationSchema) }, success: { 201: json(ratingResponseSchema, "The rating") }, errors: [404],
  });
  registerOperation(registry, {
    method: "post", path: "/api/v1/conversations/{id}/merge/", tags, keys: ["server"], summary: "Merge into another conversation",
    description: "Same requester only. Messages move to `into`, this conversation is closed and points to it (`merged_into_id`); undo with `/unmerge/`.",
    request: { params, ...body(mergeConversationSchema) }, success: conversation("The merged (source) conversation"), errors: [404, 409],
  });
}
