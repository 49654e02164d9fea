import { sql } from "drizzle-orm";
import { boolean, integer, jsonb, pgTable, text, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";

export type WeeklyHours = Record<"mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun", { open: string; close: string }[]>;

export const organizations = pgTable("organizations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  // A sandbox is a sibling organization row: its data is separate by construction,
  // because every tenant row is keyed by organization_id.
  isSandbox: boolean("is_sandbox").notNull().default(false),
  sandboxOfId: uuid("sandbox_of_id").references((): AnyPgColumn => organizations.id, { onDelete: "cascade" }).unique(),
  timeZone: text("time_zone").notNull().default("UTC"),
  rateLimitPerMinute: integer("rate_limit_per_minute").notNull().default(600),
  // Browser origins client keys may be used from (exact origins or "*.example.com"); empty = any origin.
  allowedOrigins: jsonb("allowed_origins").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  identitySecret: text("identity_secret").notNull(),
  previousIdentitySecret: text("previous_identity_secret"),
  previousIdentitySecretExpiresAt: timestamp("previous_identity_secret_expires_at", { withTimezone: true }),
  // Incremented under a row lock in the same transaction as the insert: gapless and unique per organization.
  lastConversationNumber: integer("last_conversation_number").notNull().default(0),
  businessHours: jsonb("business_hours").$type<WeeklyHours>(),
  holidays: jsonb("holidays").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  // GDPR retention: closed conversations are anonymized this many days after closing; null = off (lib/privacy).
  anonymizeClosedAfterDays: integer("anonymize_closed_after_days"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Organization = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;
