import { db, type Tx } from "@/db/client";
import type { Conversation } from "@/db/schema";
import type { Ctx } from "../context";
import { invalid } from "../errors";
import { changeStatus } from "./change-status";
import { getConversation, lockConversationOrThrow } from "./scope";

/** Resolves a conversation: status `closed` (as the seed contract shows) with resolved_at set. */
export async function resolveConversation(ctx: Ctx, id: string) {
  return db.transaction(async (tx) => resolveLocked(tx, ctx, await lockConversationOrThrow(tx, ctx, id)));
}

/** The resolve rule inside a caller's transaction (the composer's "Send and resolve" uses it too). */
export async function resolveLocked(tx: Tx, ctx: Ctx, current: Conversation) {
  if (current.status === "closed") return getConversation(ctx, current.id, tx);
  return changeStatus(tx, ctx, current, "closed");
}

/** Sets pending inside a caller's transaction; no activity row when it already is (as updateConversation). */
export async function setPendingLocked(tx: Tx, ctx: Ctx, current: Conversation) {
  if (current.status === "pending") return getConversation(ctx, current.id, tx);
  return changeStatus(tx, ctx, current, "pending");
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
