import { sql } from "drizzle-orm";
import { jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";

export type PreChatField = { key: string; label: string; type: "text" | "email"; required: boolean };

/** One row per live organization (its sandbox uses the same look and rules); no row means the defaults. */
export const widgetSettings = pgTable("widget_settings", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  color: text("color").notNull().default("#4f46e5"),
  position: text("position").$type<"left" | "right">().notNull().default("right"),
  greeting: text("greeting").notNull().default("Hi! How can we help?"),
  launcherLabel: text("launcher_label").notNull().default("Chat with us"),
  preChatFields: jsonb("pre_chat_fields").$type<PreChatField[]>().notNull().default(sql`'[]'::jsonb`),
  // Origins or host patterns ("example.com", "*.example.com", "http://localhost:3001"); empty allows every origin.
  allowedDomains: jsonb("allowed_domains").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type WidgetSettings = typeof widgetSettings.$inferSelect;
