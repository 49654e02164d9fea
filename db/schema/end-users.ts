import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";

export const endUsers = pgTable(
  "end_users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email"),
    firstName: text("first_name"),
    lastName: text("last_name"),
    externalId: text("external_id"),
    customAttributes: jsonb("custom_attributes").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    isAnonymous: boolean("is_anonymous").notNull().default(false),
    // Hash of the bearer token handed to an anonymous widget visitor; the token itself is never stored.
    anonymousTokenHash: text("anonymous_token_hash").unique(),
    // Set once the profile was irreversibly anonymized (GDPR, lib/privacy); the row stays for counts.
    anonymizedAt: timestamp("anonymized_at", { withTimezone: true }),
    // An email a widget visitor's page claimed without a user_hash or user_jwt: shown to agents as unverified,
    // never used to look anyone up.
    unverifiedEmail: text("unverified_email"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("end_users_org_email_unique").on(t.organizationId, sql`lower(${t.email})`).where(sql`${t.email} is not null`),
    uniqueIndex("end_users_org_external_id_unique").on(t.organizationId, t.externalId).where(sql`${t.externalId} is not null`),
    index("end_users_org_created_idx").on(t.organizationId, t.createdAt),
  ],
);

export type EndUser = typeof endUsers.$inferSelect;
