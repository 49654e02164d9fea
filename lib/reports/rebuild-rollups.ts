import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import type { Ctx } from "../context";
import { liveOrgOf } from "../organizations/live-org";

/**
 * The daily roll-up is keyed by day in the organization's time zone: when the zone changes, the live organization's
 * and its sandbox's roll-ups are rebuilt from the facts (dexra_report_rollup) in the same transaction.
 */
export async function rebuildReportRollups(tx: Tx, ctx: Ctx) {
  await tx.execute(sql`select dexra_report_rollup(o.id) from organizations o
    where o.id = ${liveOrgOf(ctx.orgId)} or o.sandbox_of_id = ${liveOrgOf(ctx.orgId)}`);
}
