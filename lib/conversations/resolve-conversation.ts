import { db } from "@/db/client";
import type { Ctx } from "../context";
import { invalid } from "../errors";
import { changeStatus } from "./change-status";
import { getConversation, lockConversationOrThrow } from "./scope";

/** Resolves a conversation: status `closed` (as the seed contract shows) with resolved_at set. */
export async function resolveConversation(ctx: Ctx, id: string) {
  return db.transaction(async (tx) => {
    const current = await lockConversationOrThrow(tx, ctx, id);
    if (current.status === "closed") return getConversation(ctx, id, tx);
    return changeStatus(tx, ctx, current, "closed");
  });
}

/** Reopens a conversation (any status but open). */
export async function reopenConversation(ctx: Ctx, id: string) {
  return db.transaction(async (tx) => {
    const current = await lockConversationOrThrow(tx, ctx, id);
    if (current.status === "open") return getConversation(ctx, id, tx);
    return changeStatus(tx, ctx, current, "open");
  });
}

/** Snoozes until a future time; the wake-up timer (wakeSnoozedConversations) reopens it. */
export async function snoozeConversation(ctx: Ctx, id: string, params: { until: Date }) {
  if (params.until.getTime() <= Date.now()) throw invalid("until must be in the future", [{ path: ["until"], message: "must be in the future" }]);
  return db.transaction(async (tx) => {
    const current = await lockConversationOrThrow(tx, ctx, id);
    return changeStatus(tx, ctx, current, "snoozed", params.until);
  });
}
