import { sql, type SQL } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { systemActor, type Ctx } from "../context";
import { getConversation } from "../conversations/scope";
import { recordChange } from "../events/record";
import { recordSlaBreachFact } from "../reports/record-facts";
import { runEvery } from "../ops/run-every";

const BATCH = 200;
// One breach pass at a time across every instance: the lock is per transaction, so PgBouncer's transaction mode keeps it.
const LOCK_KEY = sql`hashtext('dexra:sla-breaches')`;

type Due = {
  id: string;
  organization_id: string;
  status: string;
  first_response_due_at: string | null;
  next_response_due_at: string | null;
  resolution_due_at: string | null;
  sla_breached_at: string | null;
};

/** The targets of a conversation that passed since the last pass (response targets count only while it is open). */
function passedTargets(row: Due, now: Date) {
  const since = row.sla_breached_at ? new Date(row.sla_breached_at) : null;
  const targets: [string, string | null][] = [
    ["first_response", row.status === "open" ? row.first_response_due_at : null],
    ["next_response", row.status === "open" ? row.next_response_due_at : null],
    ["resolution", row.resolution_due_at],
  ];
  return targets
    .filter((t): t is [string, string] => t[1] !== null)
    .map(([target, due]) => ({ target, dueAt: new Date(due) }))
    .filter(({ dueAt }) => dueAt <= now && (!since || dueAt > since));
}

/**
 * The same test as passedTargets, in SQL: a row is picked only when it has a target to report, so rows with
 * nothing to do (a pending conversation's response targets, targets already reported) never fill a pass's batch.
 */
const unreported = (due: SQL, now: Date, whileOpen: boolean) =>
  sql`(${whileOpen ? sql`status = 'open' and ` : sql``}${due} <= ${now.toISOString()}::timestamptz and (sla_breached_at is null or ${due} > sla_breached_at))`;

/**
 * Marks SLA targets that passed: for each, a breach fact (reports), an activity row and an `sla_breached` webhook
 * event, all in one transaction with the conversation's sla_breached_at (the time of the last pass that found one,
 * so a target is reported once). Runs under a transaction-level advisory lock: with several app instances and
 * workers only one pass runs at a time; the others skip.
 */
export async function markSlaBreaches(now = new Date(), options: { organizationIds?: string[]; batch?: number } = {}): Promise<number> {
  // Tests pass their own organizations, so parallel test files never handle each other's conversations.
  const only = options.organizationIds ? sql`and organization_id in (${sql.join(options.organizationIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``;
  return db.transaction(async (tx) => {
    const [lock] = await rows<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(${LOCK_KEY}) as ok`, tx);
    if (!lock?.ok) return 0;
    const due = await rows<Due>(
      sql`select id, organization_id, status, to_json(first_response_due_at)#>>'{}' as first_response_due_at,
        to_json(next_response_due_at)#>>'{}' as next_response_due_at, to_json(resolution_due_at)#>>'{}' as resolution_due_at,
        to_json(sla_breached_at)#>>'{}' as sla_breached_at
      from conversations
      where sla_policy_id is not null and status in ('open', 'pending')
        and (${unreported(sql`first_response_due_at`, now, true)} or ${unreported(sql`next_response_due_at`, now, true)}
          or ${unreported(sql`resolution_due_at`, now, false)}) ${only}
      order by least(first_response_due_at, next_response_due_at, resolution_due_at)
      limit ${options.batch ?? BATCH}
      for update skip locked`,
      tx,
    );
    let breaches = 0;
    for (const row of due) {
      const passed = passedTargets(row, now);
      if (!passed.length) continue;
      const ctx: Ctx = { orgId: row.organization_id, actor: systemActor };
      for (const { target, dueAt } of passed) {
        await recordSlaBreachFact(tx, ctx, row.id, target, dueAt);
        const conversation = await getConversation(ctx, row.id, tx);
        const data = { conversation_id: row.id, target, due_at: dueAt.toISOString() };
        await recordChange(tx, ctx, row.id, { activity: { action: "sla_breached", data }, event: { type: "sla_breached", data: { ...data, conversation } } });
        breaches++;
      }
      await tx.execute(sql`update conversations set sla_breached_at = ${now.toISOString()}::timestamptz where id = ${row.id}`);
    }
    return breaches;
  });
}

/** Started once per server process (instrumentation.ts); the advisory lock makes extra processes harmless. */
export function startSlaTimer(intervalMs = 30_000) {
  runEvery("marking SLA breaches", intervalMs, () => markSlaBreaches());
}
