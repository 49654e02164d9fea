import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import type { Ctx } from "../context";
import { invalid } from "../errors";
import { assertWebhookTargetAllowed } from "../webhooks/ssrf";
import type { Action } from "./schemas";

/**
 * A rule may only name this organization's teams, agents and shared canned replies, and only webhook targets the
 * webhook rules allow (the connect-time SSRF check runs again on every call).
 */
export async function checkRuleReferences(ctx: Ctx, actions: Action[]) {
  for (const [index, action] of actions.entries()) {
    const path = ["actions", String(index)];
    const id = action.type === "assign_team" || (action.type === "round_robin" && action.team_id) ? (action as { team_id: string }).team_id
      : action.type === "assign_agent" ? action.agent_id
      : action.type === "send_canned_reply" ? action.canned_reply_id : null;
    if (id) {
      const table = action.type === "assign_agent" ? sql`agents` : action.type === "send_canned_reply" ? sql`canned_replies` : sql`teams`;
      const extra = action.type === "assign_agent" ? sql`and deactivated_at is null` : action.type === "send_canned_reply" ? sql`and owner_agent_id is null` : sql``;
      const staffOrg = action.type === "send_canned_reply" ? sql`${ctx.orgId}::uuid` : sql`(select coalesce(sandbox_of_id, id) from organizations where id = ${ctx.orgId})`;
      const [found] = await rows(sql`select 1 from ${table} where id = ${id} and organization_id = ${staffOrg} ${extra}`);
      if (!found) throw invalid(`${action.type}: no such ${action.type === "assign_agent" ? "active agent" : action.type === "send_canned_reply" ? "shared canned reply" : "team"} in this organization`, [{ path, message: "not found in this organization" }]);
    }
    if (action.type === "call_webhook") {
      try {
        await assertWebhookTargetAllowed(action.url);
      } catch (error) {
        throw invalid(`call_webhook: ${(error as Error).message}`, [{ path: [...path, "url"], message: "private address" }]);
      }
    }
  }
}
