import type { Action, AutomationEvent, Conditions } from "./schemas";

// How the settings list words a rule (pure: shared by the page and its tests).
export const EVENT_LABELS: Record<AutomationEvent, string> = {
  conversation_created: "Conversation created",
  message_in: "Customer message received",
  status_changed: "Status changed",
  sla_breached: "SLA breached",
};

export const ACTION_LABELS: Record<Action["type"], string> = {
  assign_team: "Assign to team",
  assign_agent: "Assign to agent",
  round_robin: "Round-robin among available agents",
  add_tags: "Add tags",
  set_priority: "Set priority",
  send_canned_reply: "Send canned reply",
  snooze: "Snooze",
  resolve: "Resolve",
  call_webhook: "Call webhook",
};

type Names = Record<string, string>;

export function describeConditions(c: Conditions): string {
  const parts: string[] = [];
  if (c.channels?.length) parts.push(`channel is ${c.channels.join(" or ")}`);
  if (c.priorities?.length) parts.push(`priority is ${c.priorities.join(" or ")}`);
  if (c.tags?.length) parts.push(`tagged ${c.tags.join(" or ")}`);
  if (c.requester_attribute) parts.push(`requester ${c.requester_attribute.key} = ${c.requester_attribute.value}`);
  if (c.text_contains) parts.push(`text contains “${c.text_contains}”`);
  if (c.business_hours) parts.push(c.business_hours === "open" ? "within business hours" : "outside business hours");
  return parts.length ? parts.join(", ") : "always";
}

export function describeAction(a: Action, names: Names = {}): string {
  switch (a.type) {
    case "assign_team":
      return `assign to team ${names[a.team_id] ?? "(deleted)"}`;
    case "assign_agent":
      return `assign to ${names[a.agent_id] ?? "(deleted agent)"}`;
    case "round_robin":
      return `round-robin among ${a.team_id ? `team ${names[a.team_id] ?? "(deleted)"}` : "all agents"} (max ${a.max_open} open)`;
    case "add_tags":
      return `add ${a.tags.join(", ")}`;
    case "set_priority":
      return `set priority ${a.priority}`;
    case "send_canned_reply":
      return `reply with ${names[a.canned_reply_id] ?? "(deleted reply)"}`;
    case "snooze":
      return `snooze ${a.minutes} min`;
    case "resolve":
      return "resolve";
    case "call_webhook":
      return `call ${a.url}`;
  }
}
