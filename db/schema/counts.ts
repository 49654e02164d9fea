import { bigint, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";
import { conversationStatus } from "./enums";

/**
 * Exact conversation counts per organization, status and assignee (the nil uuid for unassigned), kept by
 * triggers in the same transaction as every change (migration 0007), so a list's `count` is a few index reads
 * instead of a scan of the organization. No foreign keys: an organization's deletion cascades through
 * conversations, whose triggers must not trip over the organization already being gone.
 */
export const conversationCounts = pgTable(
  "conversation_counts",
  {
    organizationId: uuid("organization_id").notNull(),
    status: conversationStatus("status").notNull(),
    assigneeKey: uuid("assignee_key").notNull(),
    n: bigint("n", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.status, t.assigneeKey] })],
);

/** The same per tag and status. */
export const conversationTagCounts = pgTable(
  "conversation_tag_counts",
  {
    organizationId: uuid("organization_id").notNull(),
    tagId: uuid("tag_id").notNull(),
    status: conversationStatus("status").notNull(),
    n: bigint("n", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.tagId, t.status] })],
);
