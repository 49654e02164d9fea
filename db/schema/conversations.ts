import { getTableColumns, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { agents, teams } from "./agents";
import { endUsers } from "./end-users";
import { conversationChannel, conversationPriority, conversationStatus, messageDirection, messageType } from "./enums";
import { organizations } from "./organizations";
import { tsvector } from "./types";

export const conversations = pgTable(
  "conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    subject: varchar("subject", { length: 500 }).notNull(),
    status: conversationStatus("status").notNull().default("open"),
    priority: conversationPriority("priority").notNull().default("normal"),
    channel: conversationChannel("channel").notNull().default("api"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    customAttributes: jsonb("custom_attributes").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    requesterId: uuid("requester_id").notNull().references(() => endUsers.id, { onDelete: "cascade" }),
    assigneeId: uuid("assignee_id").references(() => agents.id, { onDelete: "set null" }),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "set null" }),
    snoozedUntil: timestamp("snoozed_until", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    mergedIntoId: uuid("merged_into_id").references((): AnyPgColumn => conversations.id, { onDelete: "set null" }),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }).notNull().defaultNow(),
    lastMessagePreview: text("last_message_preview"),
    // Per-conversation event counter, copied into every webhook payload so receivers can order.
    eventSeq: integer("event_seq").notNull().default(0),
    search: tsvector("search").generatedAlwaysAs(sql`to_tsvector('english', subject)`),
    // Every message's words in one document (dexra_search_append, see migration 0004), so a search is one
    // GIN lookup on the conversations it lists. NULL once too large to keep: search reads the messages then.
    searchDocument: tsvector("search_document").default(sql`''::tsvector`),
    // SLA (lib/sla): the policy that applies and the next due times, kept in the change's transaction.
    slaPolicyId: uuid("sla_policy_id"),
    firstResponseDueAt: timestamp("first_response_due_at", { withTimezone: true }),
    nextResponseDueAt: timestamp("next_response_due_at", { withTimezone: true }),
    resolutionDueAt: timestamp("resolution_due_at", { withTimezone: true }),
    slaBreachedAt: timestamp("sla_breached_at", { withTimezone: true }),
    // Set once its texts were irreversibly anonymized (GDPR, lib/privacy); counts and timestamps stay.
    anonymizedAt: timestamp("anonymized_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("conversations_org_number_unique").on(t.organizationId, t.number),
    index("conversations_org_created_idx").on(t.organizationId, t.createdAt.desc(), t.id.desc()),
    index("conversations_org_status_activity_idx").on(t.organizationId, t.status, t.lastMessageAt.desc(), t.id.desc()),
    // The inbox's "All" view and its priority sort read these in order instead of sorting the organization.
    index("conversations_org_activity_idx").on(t.organizationId, t.lastMessageAt.desc(), t.id.desc()),
    index("conversations_org_status_priority_idx").on(t.organizationId, t.status, t.priority.desc(), t.lastMessageAt.desc(), t.id.desc()),
    index("conversations_org_assignee_status_idx").on(t.organizationId, t.assigneeId, t.status, t.lastMessageAt.desc()),
    index("conversations_org_team_status_idx").on(t.organizationId, t.teamId, t.status, t.lastMessageAt.desc()),
    index("conversations_requester_idx").on(t.requesterId, t.createdAt.desc()),
    index("conversations_snoozed_idx").on(t.snoozedUntil).where(sql`${t.status} = 'snoozed'`),
    index("conversations_search_idx").using("gin", t.search),
    index("conversations_search_document_idx").using("gin", t.searchDocument),
    // The breach job and the inbox's "Due soonest" read the earliest due time of live conversations.
    index("conversations_sla_due_idx")
      .on(sql`least(${t.firstResponseDueAt}, ${t.nextResponseDueAt}, ${t.resolutionDueAt})`)
      .where(sql`${t.slaPolicyId} is not null and ${t.status} in ('open', 'pending')`),
    // Reports count the conversations an SLA policy covers (lib/reports/summary.ts) without reading the others.
    index("conversations_org_sla_idx").on(t.organizationId, t.id).where(sql`${t.slaPolicyId} is not null`),
    index("conversations_search_overflow_idx").on(t.organizationId).where(sql`${t.searchDocument} is null`),
  ],
);

export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id").notNull().references(() => conversations.id, { onDelete: "cascade" }),
    direction: messageDirection("direction").notNull(),
    type: messageType("type").notNull().default("reply"),
    body: text("body").notNull(),
    authorAgentId: uuid("author_agent_id").references(() => agents.id, { onDelete: "set null" }),
    authorEndUserId: uuid("author_end_user_id").references(() => endUsers.id, { onDelete: "set null" }),
    senderEmail: text("sender_email"),
    externalId: text("external_id"),
    // Sent by an automation rule (its canned reply), not by a person: not a first response or a reply for
    // reports and SLAs (lib/reports/record-facts.ts, dexra_sla_refresh), as helpdesks treat auto-replies.
    automated: boolean("automated").notNull().default(false),
    search: tsvector("search").generatedAlwaysAs(sql`to_tsvector('english', body)`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("messages_conversation_created_idx").on(t.conversationId, t.createdAt, t.id),
    index("messages_org_idx").on(t.organizationId),
    index("messages_search_idx").using("gin", t.search),
  ],
);

export const tags = pgTable(
  "tags",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    color: text("color").notNull().default("#64748b"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("tags_org_name_unique").on(t.organizationId, sql`lower(${t.name})`)],
);

export const conversationTags = pgTable(
  "conversation_tags",
  {
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id").notNull().references(() => conversations.id, { onDelete: "cascade" }),
    tagId: uuid("tag_id").notNull().references(() => tags.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.tagId] }), index("conversation_tags_tag_idx").on(t.tagId)],
);

// Last time an agent opened a conversation; a later last_message_at means unread for that agent.
export const conversationReads = pgTable(
  "conversation_reads",
  {
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    agentId: uuid("agent_id").notNull().references(() => agents.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id").notNull().references(() => conversations.id, { onDelete: "cascade" }),
    lastReadAt: timestamp("last_read_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.conversationId] })],
);

export const ratings = pgTable(
  "ratings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id").notNull().references(() => conversations.id, { onDelete: "cascade" }).unique(),
    endUserId: uuid("end_user_id").references(() => endUsers.id, { onDelete: "set null" }),
    score: smallint("score").notNull(),
    comment: text("comment"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("ratings_score_range", sql`${t.score} between 1 and 5`), index("ratings_org_created_idx").on(t.organizationId, t.createdAt)],
);

// A merge remembers what it moved so that it can be undone exactly.
export const conversationMerges = pgTable(
  "conversation_merges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    sourceId: uuid("source_id").notNull().references(() => conversations.id, { onDelete: "cascade" }),
    targetId: uuid("target_id").notNull().references(() => conversations.id, { onDelete: "cascade" }),
    movedMessageIds: uuid("moved_message_ids").array().notNull(),
    sourcePreviousStatus: conversationStatus("source_previous_status").notNull(),
    mergedById: uuid("merged_by_id").references(() => agents.id, { onDelete: "set null" }),
    undoneAt: timestamp("undone_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("conversation_merges_source_idx").on(t.sourceId), index("conversation_merges_target_idx").on(t.targetId)],
);

/** A conversation row as the app reads it: the search document is for the database's eyes only. */
export type Conversation = Omit<typeof conversations.$inferSelect, "searchDocument">;
const { searchDocument: _searchDocument, ...conversationFields } = getTableColumns(conversations);
/** The columns to select for a Conversation (every column but the search document, which can be large). */
export const conversationColumns = conversationFields;
export type Message = typeof messages.$inferSelect;
const { search: _messageSearch, ...messageFields } = getTableColumns(messages);
/** The columns to select for a message (its tsvector stays in the database). */
export const messageColumns = messageFields;
export type Tag = typeof tags.$inferSelect;
