import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { agentAvailability, agentRole } from "./enums";
import { organizations } from "./organizations";

export const agents = pgTable(
  "agents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    role: agentRole("role").notNull().default("agent"),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    // Bumped to end every session of the agent (deactivation, password change).
    sessionVersion: integer("session_version").notNull().default(0),
    // Set by the agent on /profile; round-robin assignment reads it (offline agents get none).
    availability: agentAvailability("availability").notNull().default("online"),
    availabilityUpdatedAt: timestamp("availability_updated_at", { withTimezone: true }),
    // Appended to the agent's replies (Markdown), set on /profile.
    signature: text("signature"),
    notificationPrefs: jsonb("notification_prefs").$type<{ desktop_mine?: boolean }>().notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Agents sign in with their email alone, so it is unique across organizations.
    uniqueIndex("agents_email_unique").on(sql`lower(${t.email})`),
    index("agents_org_idx").on(t.organizationId),
  ],
);

export const agentInvitations = pgTable(
  "agent_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name"),
    role: agentRole("role").notNull().default("agent"),
    tokenHash: text("token_hash").notNull().unique(),
    invitedById: uuid("invited_by_id").references(() => agents.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agent_invitations_org_idx").on(t.organizationId)],
);

export const teams = pgTable(
  "teams",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("teams_org_name_unique").on(t.organizationId, t.name)],
);

export const teamMembers = pgTable(
  "team_members",
  {
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    teamId: uuid("team_id").notNull().references(() => teams.id, { onDelete: "cascade" }),
    agentId: uuid("agent_id").notNull().references(() => agents.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.agentId] }), index("team_members_agent_idx").on(t.agentId)],
);

export type Agent = typeof agents.$inferSelect;
export type Team = typeof teams.$inferSelect;
