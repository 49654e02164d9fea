import { and, asc, eq, lte } from "drizzle-orm";
import { db } from "@/db/client";
import { conversationColumns, conversations } from "@/db/schema";
import { systemActor, type Ctx } from "../context";
import { changeStatus } from "./change-status";
import { runEvery } from "../ops/run-every";

const BATCH = 100;

/**
 * Flips snoozes that are due back to `open`, each in its own transaction with its activity and event rows.
 * Safe to run from several processes at once: due rows are claimed with SKIP LOCKED and re-checked.
 */
export async function wakeSnoozedConversations(now = new Date()): Promise<number> {
  let woken = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const due = await tx
        .select(conversationColumns)
        .from(conversations)
        .where(and(eq(conversations.status, "snoozed"), lte(conversations.snoozedUntil, now)))
        .orderBy(asc(conversations.snoozedUntil))
        .limit(BATCH)
        .for("update", { skipLocked: true });
      for (const row of due) {
        const ctx: Ctx = { orgId: row.organizationId, actor: systemActor };
        await changeStatus(tx, ctx, row, "open");
      }
      return due.length;
    });
    woken += batch;
    if (batch < BATCH) return woken;
  }
}

/** Started once per server process (instrumentation.ts). */
export function startSnoozeTimer(intervalMs = 15_000) {
  runEvery("waking snoozed conversations", intervalMs, () => wakeSnoozedConversations());
}

