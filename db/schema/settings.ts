import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { agents } from "./agents";
import { attributeEntity, attributeType } from "./enums";
import { organizations } from "./organizations";

export const customAttributeDefinitions = pgTable(
  "custom_attribute_definitions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    entity: attributeEntity("entity").notNull(),
    key: text("key").notNull(),
    label: text("label").notNull(),
    type: attributeType("type").notNull(),
    options: jsonb("options").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    required: boolean("required").notNull().default(false),
    // Shown to the end user (client keys, the widget); attributes are internal unless marked public.
    public: boolean("public").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("custom_attribute_definitions_key_unique").on(t.organizationId, t.entity, t.key)],
);

export const cannedReplies = pgTable(
  "canned_replies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    shortcut: text("shortcut").notNull(),
    body: text("body").notNull(),
    // Null owner means shared with the whole organization.
    ownerAgentId: uuid("owner_agent_id").references(() => agents.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("canned_replies_org_idx").on(t.organizationId, t.shortcut)],
);

export type CustomAttributeDefinition = typeof customAttributeDefinitions.$inferSelect;
export type CannedReply = typeof cannedReplies.$inferSelect;
