import { and, asc, eq, lte } from "drizzle-orm";
import { db } from "@/db/client";
import { conversationColumns, conversations } from "@/db/schema";
import { systemActor, type Ctx } from "../context";
import { changeStatus } from "./change-status";

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

let timer: NodeJS.Timeout | undefined;

/** Started once per server process (instrumentation.ts). */
export function startSnoozeTimer(intervalMs = 15_000) {
  if (timer) return;
  timer = setInterval(() => {
    wakeSnoozedConversations().catch((error) => console.error("[dexra] waking snoozed conversations failed", error));
  }, intervalMs);
  timer.unref();
}

