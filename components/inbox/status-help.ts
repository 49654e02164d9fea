/**
 * What each status means, shown as the badges' and views' tooltip. "resolved" and "closed" both end a
 * conversation and behave the same (resolved_at set, the conversation_resolved webhook, counted as resolved in
 * reports, listed under Closed, reopened by a customer reply); they differ only in how they were set.
 */
export const STATUS_HELP: Record<string, string> = {
  open: "Open: waiting for an agent",
  pending: "Pending: waiting for the customer; their reply reopens it",
  snoozed: "Snoozed: hidden until the snooze time, then open again",
  resolved: "Resolved: ended through the API (status resolved) — same as closed for agents and reports",
  closed: "Closed: ended with Resolve in the inbox or by a merge — same as resolved for agents and reports",
};

export const CLOSED_VIEW_HELP = "Resolved and closed conversations: both are ended and behave the same; a customer reply reopens them";
