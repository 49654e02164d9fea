import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { teams } from "./agents";
import { tags } from "./conversations";
import { conversationPriority } from "./enums";
import { organizations } from "./organizations";

/**
 * Service-level targets. A conversation takes the first enabled policy (lowest position) whose priority, team and
 * tag match (null = any); its due times are kept on the conversation row (lib/sla/refresh-due-times.ts).
 */
export const slaPolicies = pgTable(
  "sla_policies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    priority: conversationPriority("priority"),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "cascade" }),
    tagId: uuid("tag_id").references(() => tags.id, { onDelete: "cascade" }),
    firstResponseSeconds: integer("first_response_seconds"),
    nextResponseSeconds: integer("next_response_seconds"),
    resolutionSeconds: integer("resolution_seconds"),
    // Targets counted in the organization's business hours (else calendar time).
    businessHours: boolean("business_hours").notNull().default(true),
    position: integer("position").notNull().default(0),
    enabled: boolean("enabled").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sla_policies_org_idx").on(t.organizationId, t.position)],
);

export type SlaPolicy = typeof slaPolicies.$inferSelect;
