import { sql } from "drizzle-orm";
import { bigint, date, index, integer, pgTable, smallint, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { agents, teams } from "./agents";
import { conversations } from "./conversations";
import { organizations } from "./organizations";

/**
 * One row per reportable moment (immutable but for superseded_at), written in the transaction of the change it describes
 * (lib/reports/record-facts.ts). Every report number is computed from these rows or from their daily roll-up.
 * kind: conversation_created | first_response | reply | resolved | reopened | rating | sla_breach
 */
export const reportingFacts = pgTable(
  "reporting_facts",
  {
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity().primaryKey(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id").notNull().references(() => conversations.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    // The agent credited (the replying agent, the assignee at resolution or rating) and the conversation's team then.
    agentId: uuid("agent_id").references(() => agents.id, { onDelete: "set null" }),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "set null" }),
    // What the duration is measured from (conversation created, the customer's first unanswered message).
    startedAt: timestamp("started_at", { withTimezone: true }),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    seconds: integer("seconds"),
    businessSeconds: integer("business_seconds"),
    score: smallint("score"),
    messageId: uuid("message_id"),
    detail: text("detail"),
    // Resolutions and ratings only: when the conversation's next one replaced this one (null: still its latest).
    // A report counts a conversation's last resolution / rating in its range: those with no successor before the
    // range ends, read straight from the index instead of sorting every fact per conversation.
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
  },
  (t) => [
    // Report queries read one kind over a time range: every column they read is in the index (index-only scans).
    index("reporting_facts_org_kind_time_idx").on(t.organizationId, t.kind, t.occurredAt, t.conversationId, t.seconds, t.businessSeconds, t.agentId, t.teamId, t.supersededAt, t.score),
    index("reporting_facts_conversation_idx").on(t.conversationId, t.kind),
  ],
);

/**
 * Daily sums of the facts per organization, team and agent (day in the organization's time zone), kept in the
 * same statement as the fact so long-range charts and tables read ~90 rows instead of every fact.
 * Team/agent null means "none"; NULLS NOT DISTINCT makes that one key.
 */
export const reportingDaily = pgTable(
  "reporting_daily",
  {
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    kind: text("kind").notNull(),
    teamId: uuid("team_id"),
    agentId: uuid("agent_id"),
    count: integer("count").notNull().default(0),
    secondsSum: bigint("seconds_sum", { mode: "number" }).notNull().default(0),
    businessSecondsSum: bigint("business_seconds_sum", { mode: "number" }).notNull().default(0),
    scoreSum: integer("score_sum").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [unique("reporting_daily_key").on(t.organizationId, t.day, t.kind, t.teamId, t.agentId).nullsNotDistinct()],
);

export type ReportingFact = typeof reportingFacts.$inferSelect;
