import { z } from "zod";
import { isStorableDate } from "../api/dates";
import { conversationPrioritySchema, customAttributesPatchSchema } from "../conversations/schemas";

const tag = z.string().trim().min(1, "tag is required").max(50, "tag must be at most 50 characters");

/** Every change an agent can make to a conversation from the inbox; bulk actions use the same shapes. */
export const conversationActionSchema = z.discriminatedUnion("action", [
  // force: take over a conversation someone else has (the agent chose "Take over"); without it a claim never does.
  z.strictObject({ action: z.literal("claim"), force: z.boolean().optional() }),
  z.strictObject({ action: z.literal("assign"), agent_id: z.uuid().nullable() }),
  z.strictObject({ action: z.literal("set_team"), team_id: z.uuid().nullable() }),
  z.strictObject({ action: z.literal("resolve") }),
  z.strictObject({ action: z.literal("reopen") }),
  z.strictObject({ action: z.literal("set_pending") }),
  z.strictObject({ action: z.literal("snooze"), until: z.iso.datetime({ offset: true, message: "pick a date and time" }).refine((v) => isStorableDate(new Date(v)), "pick a date before the year 10000") }),
  z.strictObject({ action: z.literal("set_priority"), priority: conversationPrioritySchema }),
  z.strictObject({ action: z.literal("add_tag"), tag }),
  z.strictObject({ action: z.literal("remove_tag"), tag }),
  z.strictObject({ action: z.literal("set_attributes"), custom_attributes: customAttributesPatchSchema }),
  z.strictObject({ action: z.literal("merge"), into: z.uuid() }),
  z.strictObject({ action: z.literal("unmerge") }),
]);
export type ConversationAction = z.infer<typeof conversationActionSchema>;

const BULK_ACTIONS = ["resolve", "assign", "add_tag", "claim", "set_priority", "set_team", "snooze", "set_pending"];

export const bulkActionSchema = z.strictObject({
  ids: z.array(z.uuid()).min(1, "select at least one conversation").max(200, "at most 200 conversations at once"),
  change: conversationActionSchema.refine((a) => BULK_ACTIONS.includes(a.action), "this action is not available in bulk"),
});
