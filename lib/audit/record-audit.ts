import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { Ctx } from "../context";

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId?: string | null;
  data?: Record<string, unknown>;
};

/**
 * Writes one audit row in the caller's transaction. Rows always belong to the live organization
 * (a sandbox change is flagged in data.sandbox), so one Audit page shows every change.
 */
export async function recordAudit(executor: DbOrTx, ctx: Ctx, entry: AuditEntry) {
  const actorId = ctx.actor.type === "agent" ? ctx.actor.id : null;
  const data = JSON.stringify(entry.data ?? {});
  await executor.execute(sql`
    insert into audit_logs (organization_id, actor_agent_id, actor_name, action, target_type, target_id, data)
    select coalesce(o.sandbox_of_id, o.id), ${actorId}, ${ctx.actor.name}, ${entry.action}, ${entry.targetType},
           ${entry.targetId ?? null}, ${data}::jsonb || jsonb_build_object('sandbox', o.is_sandbox)
    from organizations o where o.id = ${ctx.orgId}`);
}
