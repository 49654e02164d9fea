import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { conversations } from "@/db/schema";
import type { Ctx } from "../context";
import { mergeAttributes, validateCustomAttributes } from "../custom-attributes/validate";
import { invalid } from "../errors";
import { refreshSlaDueTimes } from "../sla/refresh-due-times";
import { logActivity, recordChange } from "../events/record";
import { applyAssignment, type AssignParams } from "./assign-conversation";
import { changeStatus } from "./change-status";
import { updateConversationSchema, type UpdateConversationInput } from "./schemas";
import { getConversation, lockConversationOrThrow } from "./scope";
import { setTagsInTx } from "./tags";

/** PATCH semantics: only the fields present change, each with its activity row, all in one transaction. */
export async function updateConversation(ctx: Ctx, id: string, input: UpdateConversationInput) {
  const params = updateConversationSchema.parse(input);
  if (params.status === "snoozed" && !params.snoozed_until) throw invalid("snoozed_until is required to snooze", [{ path: ["snoozed_until"], message: "required when status is snoozed" }]);
  if (params.snoozed_until && (params.status ?? "snoozed") !== "snoozed") throw invalid("snoozed_until only goes with status snoozed");
  const snoozeUntil = params.snoozed_until ? new Date(params.snoozed_until) : null;
  if (snoozeUntil && snoozeUntil.getTime() <= Date.now()) throw invalid("snoozed_until must be in the future");

  return db.transaction(async (tx) => {
    const current = await lockConversationOrThrow(tx, ctx, id);
    const where = and(eq(conversations.organizationId, ctx.orgId), eq(conversations.id, id));

    const simple: Partial<typeof conversations.$inferInsert> = {};
    if (params.subject !== undefined && params.subject !== current.subject) {
      simple.subject = params.subject;
      await logActivity(tx, ctx, id, "subject_changed", { from: current.subject, to: params.subject });
    }
    if (params.priority !== undefined && params.priority !== current.priority) {
      simple.priority = params.priority;
      await logActivity(tx, ctx, id, "priority_changed", { from: current.priority, to: params.priority });
    }
    if (params.custom_attributes) {
      await validateCustomAttributes(tx, ctx, "conversation", params.custom_attributes);
      simple.customAttributes = mergeAttributes(current.customAttributes, params.custom_attributes);
      await recordChange(tx, ctx, id, {
        activity: { action: "attribute_changed", data: { changes: params.custom_attributes } },
        event: { type: "conversation_custom_attributes_updated", data: { conversation_id: id, changes: params.custom_attributes, custom_attributes: simple.customAttributes } },
      });
    }
    if (Object.keys(simple).length) await tx.update(conversations).set({ ...simple, updatedAt: new Date() }).where(where);
    if (simple.priority) await refreshSlaDueTimes(tx, id);

    const assignment: AssignParams = {};
    if (params.assignee_email !== undefined) assignment.agent = params.assignee_email === null ? null : { email: params.assignee_email };
    if (params.assignee_id !== undefined) assignment.agent = params.assignee_id === null ? null : { id: params.assignee_id };
    if (params.team !== undefined) assignment.team = params.team;
    await applyAssignment(tx, ctx, current, assignment);

    if (params.tags) await setTagsInTx(tx, ctx, id, params.tags);

    const status = snoozeUntil ? "snoozed" : params.status;
    if (status && (status !== current.status || snoozeUntil)) return changeStatus(tx, ctx, current, status, snoozeUntil);
    return getConversation(ctx, id, tx);
  });
}
