import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { conversations, type Conversation } from "@/db/schema";
import type { Ctx } from "../context";
import { emitEvent, recordChange } from "../events/record";
import { recordStatusFacts } from "../reports/record-facts";
import { getConversation } from "./scope";

export type Status = Conversation["status"];
const DONE: Status[] = ["resolved", "closed"];

/**
 * Moves a locked conversation to `to` with its activity row and outbox rows (status_changed, plus
 * conversation_resolved when it becomes resolved/closed). Returns the conversation's new public shape.
 */
export async function changeStatus(tx: Tx, ctx: Ctx, current: Conversation, to: Status, snoozedUntil: Date | null = null) {
  const now = new Date();
  await tx
    .update(conversations)
    .set({
      status: to,
      updatedAt: now,
      snoozedUntil: to === "snoozed" ? snoozedUntil : null,
      resolvedAt: DONE.includes(to) ? (DONE.includes(current.status) ? current.resolvedAt : now) : null,
    })
    .where(and(eq(conversations.organizationId, ctx.orgId), eq(conversations.id, current.id)));
  await recordStatusFacts(tx, ctx, current, to);
  const change = { from: current.status, to, ...(to === "snoozed" ? { snoozed_until: snoozedUntil?.toISOString() } : {}) };
  const conversation = await getConversation(ctx, current.id, tx);
  const changed = current.status !== to || to === "snoozed";
  await recordChange(tx, ctx, current.id, {
    activity: { action: to === "snoozed" ? "snoozed" : "status_changed", data: change },
    event: changed ? { type: "conversation_status_changed", data: { conversation_id: current.id, ...change, conversation } } : undefined,
  });
  if (DONE.includes(to) && !DONE.includes(current.status)) {
    await emitEvent(tx, ctx, "conversation_resolved", { conversation_id: current.id, conversation }, current.id);
  }
  return conversation;
}
