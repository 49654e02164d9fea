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
  // SLA targets passed (lib/sla).
  "sla_breached",
  // Organization resources changed over the API or in Settings (API.md "More of the API").
  "team_created",
  "team_updated",
  "team_deleted",
  "team_members_updated",
  "tag_created",
  "tag_updated",
  "tag_deleted",
  "canned_reply_created",
  "canned_reply_updated",
  "canned_reply_deleted",
  "business_hours_updated",
  "conversation_custom_attributes_updated",
  // GDPR anonymization (lib/privacy).
  "user_anonymized",
  "conversation_anonymized",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** The conversation and user events of API.md "Webhooks", and SLA breaches (lib/webhooks/event-types.test.ts sends each). */
export const CONVERSATION_EVENT_TYPES = WEBHOOK_EVENT_TYPES.slice(0, 10);

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
  | "sla_breached"
  | "automation_ran";

/** Sent on the `dexra_live` channel for every event, so inboxes update without reload. */
export type LiveSignal = {
  orgId: string;
  conversationId: string | null;
  type: string;
  /** Webhook deliveries this event queued: the delivery worker wakes only when there are some. */
  deliveries?: number;
  /** Automation jobs this event queued: the automation worker wakes only when there are some. */
  automation?: number;
};
export const LIVE_CHANNEL = "dexra_live";
