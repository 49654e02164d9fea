import { describe, expect, it } from "vitest";
import { matchesConditions, type RuleSubject } from "./conditions";
import { conditionsSchema, ruleInputSchema } from "./schemas";

const subject: RuleSubject = {
  channel: "email",
  priority: "high",
  subject: "Refund for order 42",
  tags: ["VIP", "billing"],
  requesterAttributes: { plan: "enterprise", seats: 12, regions: ["eu", "us"] },
  messageText: "Please send my money back",
  businessOpen: true,
};
const match = (conditions: unknown, s: Partial<RuleSubject> = {}) => matchesConditions(conditionsSchema.parse(conditions), { ...subject, ...s });

describe("rule conditions", () => {
  it("no conditions match every event", () => expect(match({})).toBe(true));

  it("channel and priority are lists of allowed values", () => {
    expect(match({ channels: ["email", "web"] })).toBe(true);
    expect(match({ channels: ["web"] })).toBe(false);
    expect(match({ priorities: ["high", "urgent"] })).toBe(true);
    expect(match({ priorities: ["low"] })).toBe(false);
  });

  it("tags: any of them, case-insensitive", () => {
    expect(match({ tags: ["vip"] })).toBe(true);
    expect(match({ tags: ["spam", "Billing"] })).toBe(true);
    expect(match({ tags: ["spam"] })).toBe(false);
  });

  it("requester attribute equals (numbers and lists compared as text)", () => {
    expect(match({ requester_attribute: { key: "plan", value: "enterprise" } })).toBe(true);
    expect(match({ requester_attribute: { key: "plan", value: "free" } })).toBe(false);
    expect(match({ requester_attribute: { key: "seats", value: "12" } })).toBe(true);
    expect(match({ requester_attribute: { key: "regions", value: "eu,us" } })).toBe(true);
    expect(match({ requester_attribute: { key: "missing", value: "" } })).toBe(false);
  });

  it("text contains looks in the subject and the message, case-insensitive", () => {
    expect(match({ text_contains: "REFUND" })).toBe(true);
    expect(match({ text_contains: "money back" })).toBe(true);
    expect(match({ text_contains: "invoice" })).toBe(false);
    expect(match({ text_contains: "money" }, { messageText: null })).toBe(false);
  });

  it("business hours open / closed", () => {
    expect(match({ business_hours: "open" })).toBe(true);
    expect(match({ business_hours: "closed" })).toBe(false);
    expect(match({ business_hours: "closed" }, { businessOpen: false })).toBe(true);
  });

  it("all conditions must hold", () => {
    expect(match({ channels: ["email"], tags: ["vip"], text_contains: "refund" })).toBe(true);
    expect(match({ channels: ["email"], tags: ["vip"], text_contains: "parcel" })).toBe(false);
  });

  it("one schema refuses unknown conditions and malformed actions", () => {
    expect(conditionsSchema.safeParse({ colour: "red" }).success).toBe(false);
    const base = { name: "r", event: "conversation_created" };
    expect(ruleInputSchema.safeParse({ ...base, actions: [] }).success).toBe(false);
    expect(ruleInputSchema.safeParse({ ...base, actions: [{ type: "launch_rocket" }] }).success).toBe(false);
    expect(ruleInputSchema.safeParse({ ...base, actions: [{ type: "call_webhook", url: "ftp://x" }] }).success).toBe(false);
    expect(ruleInputSchema.safeParse({ ...base, event: "message_out", actions: [{ type: "resolve" }] }).success).toBe(false);
    expect(ruleInputSchema.parse({ ...base, actions: [{ type: "round_robin" }] }).actions[0]).toEqual({ type: "round_robin", team_id: null, max_open: 10 });
  });
});
