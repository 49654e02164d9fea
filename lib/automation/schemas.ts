import { z } from "zod";
import { conversationChannel, conversationPriority } from "@/db/schema";
import { checkboxSchema, uuidSchema } from "../settings/parse";

/** The events a rule can listen to (each maps from an outbox event type in lib/automation/enqueue.ts). */
export const AUTOMATION_EVENTS = ["conversation_created", "message_in", "status_changed", "sla_breached"] as const;
export type AutomationEvent = (typeof AUTOMATION_EVENTS)[number];

const PRIORITIES = conversationPriority.enumValues;
const CHANNELS = conversationChannel.enumValues;
const tagName = z.string().trim().min(1).max(50);

/** Every condition is optional; a rule with none matches every event of its type. All given must hold. */
export const conditionsSchema = z.strictObject({
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).optional(),
  /** The conversation carries at least one of these tags (case-insensitive). */
  tags: z.array(tagName).max(20).optional(),
  priorities: z.array(z.enum(PRIORITIES)).max(PRIORITIES.length).optional(),
  /** The requester's custom attribute `key` equals `value` (compared as text). */
  requester_attribute: z.strictObject({ key: z.string().trim().min(1).max(100), value: z.string().max(500) }).optional(),
  /** The subject or the triggering message contains this text (case-insensitive). */
  text_contains: z.string().trim().min(1).max(200).optional(),
  /** "open": only within the organization's business hours; "closed": only outside them. */
  business_hours: z.enum(["open", "closed"]).optional(),
});
export type Conditions = z.infer<typeof conditionsSchema>;

export const actionSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("assign_team"), team_id: uuidSchema }),
  z.strictObject({ type: z.literal("assign_agent"), agent_id: uuidSchema }),
  z.strictObject({
    type: z.literal("round_robin"),
    /** Null: every available agent of the organization. */
    team_id: uuidSchema.nullable().default(null),
    /** An agent with this many open conversations assigned gets no more. */
    max_open: z.coerce.number().int().min(1).max(1000).default(10),
  }),
  z.strictObject({ type: z.literal("add_tags"), tags: z.array(tagName).min(1).max(20) }),
  z.strictObject({ type: z.literal("set_priority"), priority: z.enum(PRIORITIES) }),
  z.strictObject({ type: z.literal("send_canned_reply"), canned_reply_id: uuidSchema }),
  z.strictObject({ type: z.literal("snooze"), minutes: z.coerce.number().int().min(1).max(60 * 24 * 90) }),
  z.strictObject({ type: z.literal("resolve") }),
  z.strictObject({ type: z.literal("call_webhook"), url: z.url({ protocol: /^https?$/, message: "an http(s) URL is required" }).max(2000) }),
]);
export type Action = z.infer<typeof actionSchema>;
export type ActionType = Action["type"];

export const ruleInputSchema = z.strictObject({
  name: z.string().trim().min(1, "name is required").max(100),
  enabled: z.boolean().default(true),
  event: z.enum(AUTOMATION_EVENTS),
  conditions: conditionsSchema.default({}),
  actions: z.array(actionSchema).min(1, "add at least one action").max(10),
});
export type RuleInput = z.input<typeof ruleInputSchema>;

export const updateRuleSchema = ruleInputSchema.extend({ id: uuidSchema });
export const ruleIdSchema = z.strictObject({ id: uuidSchema });
export const toggleRuleSchema = z.strictObject({ id: uuidSchema, enabled: checkboxSchema });
export const reorderRulesSchema = z.strictObject({ ids: z.array(uuidSchema).min(1).max(500) });

/** The settings form posts the rule as one JSON field (its editor keeps a list of actions); same rule schema inside. */
const jsonText = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: "custom", message: "not valid JSON" });
    return z.NEVER;
  }
});
export const ruleFormSchema = z.object({ id: uuidSchema.optional(), rule: jsonText.pipe(ruleInputSchema) });
/** Reorder posts the ids comma-separated (a one-button form). */
export const reorderFormSchema = z.object({ ids: z.string().transform((s) => s.split(",").filter(Boolean)).pipe(reorderRulesSchema.shape.ids) });
