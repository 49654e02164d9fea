import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { agents } from "./agents";
import { organizations } from "./organizations";

// One row per signed-in browser. The session cookie names its row; deleting the row ends that session
// server-side, whatever copies of the cookie exist (sign-out). Every request checks it.
export const agentSessions = pgTable(
  "agent_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    agentId: uuid("agent_id").notNull().references(() => agents.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("agent_sessions_agent_idx").on(t.agentId), index("agent_sessions_expires_idx").on(t.expiresAt)],
);

// Failed sign-ins counted per client address, per email and per known device, shared by every instance.
export const loginThrottles = pgTable(
  "login_throttles",
  {
    scope: text("scope", { enum: ["ip", "email", "device"] }).notNull(),
    key: text("key").notNull(),
    failures: integer("failures").notNull().default(0),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index("login_throttles_window_idx").on(t.windowStartedAt)],
);

export type AgentSessionRow = typeof agentSessions.$inferSelect;
