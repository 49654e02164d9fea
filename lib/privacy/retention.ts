import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { conversationColumns, conversations, organizations } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { systemActor, type Ctx } from "../context";
import { assertRole } from "../settings/authorize";
import { parseInput } from "../settings/parse";
import { drainSoon } from "../attachments/file-deletions";
import { anonymizeLockedConversation } from "./anonymize";
import { retentionSchema } from "./schemas";
import { logger } from "../ops/logger";
import { runEvery } from "../ops/run-every";

/** Conversations tagged this are never anonymized by retention. */
export const LEGAL_HOLD_TAG = "legal-hold";
const BATCH = 50;

/**
 * Anonymizes closed conversations older than their organization's retention (days after resolved_at), skipping
 * `legal-hold`. Each batch is claimed FOR UPDATE SKIP LOCKED and re-checked, so any number of processes can run
 * it at once and each conversation is anonymized exactly once. `organizationIds` limits a run to those (tests).
 */
export async function runRetention(now = new Date(), organizationIds?: string[]): Promise<number> {
  let done = 0;
  for (;;) {
    const storageKeys: string[] = [];
    const batch = await db.transaction(async (tx) => {
      const due = await tx
        .select(conversationColumns)
        .from(conversations)
        .innerJoin(organizations, eq(organizations.id, conversations.organizationId))
        .where(
          and(
            isNull(conversations.anonymizedAt),
            organizationIds ? inArray(conversations.organizationId, organizationIds) : undefined,
            inArray(conversations.status, ["resolved", "closed"]),
            sql`${organizations.anonymizeClosedAfterDays} is not null`,
            lte(conversations.resolvedAt, sql`${now.toISOString()}::timestamptz - make_interval(days => ${organizations.anonymizeClosedAfterDays})`),
            sql`not exists (select 1 from conversation_tags ct join tags t on t.id = ct.tag_id
              where ct.conversation_id = ${conversations.id} and lower(t.name) = ${LEGAL_HOLD_TAG})`,
          ),
        )
        .orderBy(asc(conversations.resolvedAt))
        .limit(BATCH)
        .for("update", { of: conversations, skipLocked: true });
      for (const row of due) {
        const ctx: Ctx = { orgId: row.organizationId, actor: systemActor };
        storageKeys.push(...(await anonymizeLockedConversation(tx, ctx, row)));
      }
      return due.length;
    });
    // The files' bytes go after the commit (their keys were queued in it).
    await drainSoon(storageKeys);
    done += batch;
    if (batch < BATCH) return done;
  }
}

/**
 * Started by the worker (in the app unless DEXRA_WORKER=off, and by `npm run worker`): a first pass right away
 * (a process restarted more often than the interval would otherwise never run it), then every interval.
 */
const DEFAULT_INTERVAL_MS = 10 * 60_000;

/** DEXRA_RETENTION_INTERVAL_MS as a positive whole number of milliseconds; anything else (empty, "10m") is the default, not a 1 ms loop. */
export function retentionIntervalMs(value = process.env.DEXRA_RETENTION_INTERVAL_MS): number {
  const ms = Number(value);
  if (value === undefined || value.trim() === "") return DEFAULT_INTERVAL_MS;
  if (Number.isInteger(ms) && ms > 0) return ms;
  logger.warn({ value }, "DEXRA_RETENTION_INTERVAL_MS is not a positive number of milliseconds: using 10 minutes");
  return DEFAULT_INTERVAL_MS;
}

export function startRetentionTimer(intervalMs = retentionIntervalMs(), organizationIds?: string[]): Promise<void> {
  runEvery("retention", intervalMs, () => runRetention(new Date(), organizationIds));
  // The first pass (callers need not wait for it; a failure is logged and the next tick tries again).
  return runRetention(new Date(), organizationIds).then(
    () => undefined,
    (err) => logger.error({ err, job: "retention" }, "retention pass failed"),
  );
}

export async function getRetention(ctx: Ctx) {
  const [org] = await db.select({ days: organizations.anonymizeClosedAfterDays }).from(organizations).where(eq(organizations.id, ctx.orgId));
  return { anonymize_closed_after_days: org?.days ?? null };
}

/** Settings → Organization (owners and admins): live and sandbox share the setting. */
export async function updateRetention(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { anonymize_closed_after_days: days } = parseInput(retentionSchema, input);
  return db.transaction(async (tx) => {
    await tx
      .update(organizations)
      .set({ anonymizeClosedAfterDays: days, updatedAt: new Date() })
      .where(sql`${organizations.id} = (select coalesce(sandbox_of_id, id) from organizations where id = ${ctx.orgId}) or ${organizations.sandboxOfId} = (select coalesce(sandbox_of_id, id) from organizations where id = ${ctx.orgId})`);
    await recordAudit(tx, ctx, { action: "retention.updated", targetType: "organization", data: { anonymize_closed_after_days: days } });
    return { anonymize_closed_after_days: days };
  });
}
