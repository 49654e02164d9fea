export const WEBHOOK_EVENT_TYPES = [
  "conversation_created",
  "message_in",
  "message_out",
  "note_created",
  "conversation_claimed",
  "conversation_status_changed",
  "conversation_resolved",
  "user_updated",
  "rating_created",
  "sla_breached",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export type ActivityAction =
  | "created"
  | "message"
  | "note"
  | "claimed"
  | "assigned"
  | "team_changed"
  | "status_changed"
  | "priority_changed"
  | "subject_changed"
  | "snoozed"
  | "tag_added"
  | "tag_removed"
  | "attribute_changed"
  | "rating"
  | "merged"
  | "unmerged"
  | "sla_breached";

/** Sent on the `dexra_live` channel for every event, so inboxes update without reload. */
export type LiveSignal = {
  orgId: string;
  conversationId: string | null;
  type: string;
  /** Webhook deliveries this event queued: the delivery worker wakes only when there are some. */
  deliveries?: number;
};
export const LIVE_CHANNEL = "dexra_live";
