import type { Conditions } from "./schemas";

/** What a rule's conditions are checked against, read fresh before each rule (an earlier rule may have changed it). */
export type RuleSubject = {
  channel: string;
  priority: string;
  subject: string;
  tags: string[];
  requesterAttributes: Record<string, unknown>;
  /** The triggering message's text (message_in), else the conversation's first message. */
  messageText: string | null;
  /** Whether the organization is within its business hours now. */
  businessOpen: boolean;
};

/** All given conditions must hold (pure: tested without a database). */
export function matchesConditions(conditions: Conditions, s: RuleSubject): boolean {
  if (conditions.channels?.length && !conditions.channels.includes(s.channel as never)) return false;
  if (conditions.priorities?.length && !conditions.priorities.includes(s.priority as never)) return false;
  if (conditions.tags?.length) {
    const have = new Set(s.tags.map((t) => t.toLowerCase()));
    if (!conditions.tags.some((t) => have.has(t.toLowerCase()))) return false;
  }
  if (conditions.requester_attribute) {
    const value = s.requesterAttributes[conditions.requester_attribute.key];
    if (value === undefined || value === null || attributeText(value) !== conditions.requester_attribute.value) return false;
  }
  if (conditions.text_contains) {
    const needle = conditions.text_contains.toLowerCase();
    const haystack = `${s.subject}\n${s.messageText ?? ""}`.toLowerCase();
    if (!haystack.includes(needle)) return false;
  }
  if (conditions.business_hours && (conditions.business_hours === "open") !== s.businessOpen) return false;
  return true;
}

// Select attributes hold lists: "equals" then means "is one of the selected values".
function attributeText(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join(",") : String(value);
}
