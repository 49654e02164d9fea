import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/**
 * Recomputes the conversation's SLA policy and due times in the caller's transaction (SQL function
 * dexra_sla_refresh: the policy rules and business-hours arithmetic live there, next to dexra_business_seconds).
 * Called wherever something a target depends on changes: creation, messages, status, priority, team, tags.
 */
export async function refreshSlaDueTimes(tx: DbOrTx, conversationId: string) {
  await tx.execute(sql`select dexra_sla_refresh(${conversationId}::uuid)`);
}
