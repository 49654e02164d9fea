import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { conversations, messages } from "./conversations";
import { organizations } from "./organizations";

export const channelType = pgEnum("channel_type", ["email"]);
export const emailDeliveryStatus = pgEnum("email_delivery_status", ["queued", "sent", "failed"]);
export const channelStatus = pgEnum("channel_status", ["pending", "verified"]);

/**
 * An address is routed to exactly one organization once verified, so a verified address is unique across all of
 * them; until then it is `pending` (no mail in or out) and several organizations may be trying to prove it.
 * The verification mail is queued on the row itself (verification_next_attempt_at/locked_until, leased like
 * email_messages); its code is derived from verification_nonce with the server secret, never stored.
 */
export const channels = pgTable(
  "channels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    type: channelType("type").notNull().default("email"),
    address: text("address").notNull(),
    name: text("name").notNull(),
    status: channelStatus("status").notNull().default("pending"),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    verificationNonce: text("verification_nonce"),
    verificationExpiresAt: timestamp("verification_expires_at", { withTimezone: true }),
    verificationNextAttemptAt: timestamp("verification_next_attempt_at", { withTimezone: true }),
    verificationLockedUntil: timestamp("verification_locked_until", { withTimezone: true }),
    verificationAttempts: integer("verification_attempts").notNull().default(0),
    verificationSentAt: timestamp("verification_sent_at", { withTimezone: true }),
    verificationError: text("verification_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("channels_verified_address_unique").on(sql`lower(${t.address})`).where(sql`${t.status} = 'verified'`),
    uniqueIndex("channels_org_address_unique").on(t.organizationId, sql`lower(${t.address})`),
    index("channels_org_idx").on(t.organizationId, t.createdAt),
    index("channels_verification_due_idx").on(t.verificationNextAttemptAt).where(sql`${t.verificationNextAttemptAt} is not null`),
  ],
);

// One per email conversation: the channel it speaks through and the token its Reply-To carries.
export const emailThreads = pgTable(
  "email_threads",
  {
    conversationId: uuid("conversation_id").primaryKey().references(() => conversations.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    channelId: uuid("channel_id").references(() => channels.id, { onDelete: "set null" }),
    replyToken: text("reply_token").notNull(),
    subject: text("subject").notNull(),
    cc: text("cc").array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("email_threads_token_unique").on(t.replyToken)],
);

/**
 * Every email message in and out with its RFC 5322 Message-ID (threading looks them all up) and, for
 * outbound mail, its delivery: a queue row leased by workers like webhook deliveries.
 */
export const emailMessages = pgTable(
  "email_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id").notNull().references(() => conversations.id, { onDelete: "cascade" }),
    messageId: uuid("message_id").references(() => messages.id, { onDelete: "cascade" }),
    channelId: uuid("channel_id").references(() => channels.id, { onDelete: "set null" }),
    direction: text("direction").$type<"inbound" | "outbound">().notNull(),
    rfcMessageId: text("rfc_message_id").notNull(),
    fromAddress: text("from_address"),
    toAddresses: text("to_addresses").array().notNull().default(sql`'{}'::text[]`),
    ccAddresses: text("cc_addresses").array().notNull().default(sql`'{}'::text[]`),
    subject: text("subject"),
    inReplyTo: text("in_reply_to"),
    references: text("references").array().notNull().default(sql`'{}'::text[]`),
    // Auto-replies, bounces and list mail: stored, never answered.
    automated: boolean("automated").notNull().default(false),
    rawAttachmentId: uuid("raw_attachment_id"),
    deliveryStatus: emailDeliveryStatus("delivery_status"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("email_messages_org_rfc_id_unique").on(t.organizationId, t.rfcMessageId),
    index("email_messages_message_idx").on(t.messageId),
    index("email_messages_conversation_idx").on(t.conversationId, t.createdAt),
    // Due outbound mail: queued, or failed with a retry scheduled (next_attempt_at is null once sent or given up).
    index("email_messages_due_idx").on(t.nextAttemptAt).where(sql`${t.nextAttemptAt} is not null`),
  ],
);

/** Uploaded files and email attachments; the bytes live in the configured store under `storageKey`. */
export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id").references(() => conversations.id, { onDelete: "set null" }),
    messageId: uuid("message_id").references(() => messages.id, { onDelete: "set null" }),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    storageKey: text("storage_key").notNull(),
    // The original MIME of an inbound mail, downloadable but not listed among the message's files.
    isOriginalMime: boolean("is_original_mime").notNull().default(false),
    uploadedByEndUserId: uuid("uploaded_by_end_user_id"),
    // A browser's (client key's) network address: the upload cap also counts per address, so visitors minted
    // one after another from one place do not each get a fresh allowance.
    uploadedFromAddress: text("uploaded_from_address"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("attachments_org_conversation_idx").on(t.organizationId, t.conversationId),
    index("attachments_message_idx").on(t.messageId),
    // The per-end-user upload cap counts the last hour's uploads of one visitor.
    index("attachments_uploader_idx").on(t.uploadedByEndUserId, t.createdAt).where(sql`${t.uploadedByEndUserId} is not null`),
    index("attachments_uploader_address_idx").on(t.organizationId, t.uploadedFromAddress, t.createdAt).where(sql`${t.uploadedFromAddress} is not null`),
  ],
);

/**
 * Stored objects whose rows are gone (anonymized, pruned): their keys are written in the same transaction that
 * removes the rows, and the bytes are deleted after commit by lib/attachments/file-deletions.ts (retried with a
 * lease, like outbound mail). A rollback leaves the file and forgets the key together. No foreign key: the
 * organization may be deleted before its files are.
 */
export const fileDeletions = pgTable(
  "file_deletions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull(),
    storageKey: text("storage_key").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("file_deletions_due_idx").on(t.nextAttemptAt)],
);

// Quick-reply buttons sent with a message (send-message `button`), shown by the widget.
export const messageButtons = pgTable("message_buttons", {
  messageId: uuid("message_id").primaryKey().references(() => messages.id, { onDelete: "cascade" }),
  organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
  buttons: jsonb("buttons").$type<{ label: string; value: string }[]>().notNull(),
});

export type Channel = typeof channels.$inferSelect;
export type EmailMessage = typeof emailMessages.$inferSelect;
export type Attachment = typeof attachments.$inferSelect;
