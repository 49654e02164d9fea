import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { agents } from "./agents";
import { events } from "./activity";
import { conversations } from "./conversations";
import { organizations } from "./organizations";

// Automation rules (lib/automation): conditions and actions are validated by lib/automation/schemas.ts.
export const automationRules = pgTable(
  "automation_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    position: integer("position").notNull().default(0),
    event: text("event").notNull(),
    conditions: jsonb("conditions").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    actions: jsonb("actions").$type<Record<string, unknown>[]>().notNull().default(sql`'[]'::jsonb`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // recordChange asks "does this organization have an enabled rule for this event?" on every event: one index probe.
  (t) => [index("automation_rules_org_event_idx").on(t.organizationId, t.event).where(sql`${t.enabled}`)],
);

// The durable queue: one row per event that enabled rules listen to, written in the event's transaction.
export const automationJobs = pgTable(
  "automation_jobs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id").notNull().references(() => conversations.id, { onDelete: "cascade" }),
    event: text("event").notNull(),
    eventId: uuid("event_id").references(() => events.id, { onDelete: "set null" }),
    attempts: integer("attempts").notNull().default(0),
    // Rules up to this position already ran: a retried job does not run them twice.
    donePosition: integer("done_position"),
    runAfter: timestamp("run_after", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    failedAt: timestamp("failed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("automation_jobs_due_idx").on(t.runAfter).where(sql`${t.failedAt} is null`),
    // A conversation's jobs run in order: the claim looks for an earlier job of the same conversation.
    index("automation_jobs_conversation_idx").on(t.conversationId, t.id),
  ],
);

// Round-robin memory: when each agent last got a conversation in a scope (a team, or "all").
export const automationRoundRobin = pgTable(
  "automation_round_robin",
  {
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    scope: text("scope").notNull(),
    agentId: uuid("agent_id").notNull().references(() => agents.id, { onDelete: "cascade" }),
    lastAssignedAt: timestamp("last_assigned_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.scope, t.agentId] })],
);

export type AutomationRuleRow = typeof automationRules.$inferSelect;
