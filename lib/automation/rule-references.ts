import { sql, type SQL } from "drizzle-orm";
import { rows } from "@/db/client";
import type { Ctx } from "../context";
import { invalid } from "../errors";
import { assertWebhookTargetAllowed } from "../webhooks/ssrf";
import type { Action } from "./schemas";

// Agents and teams belong to the live organization (a sandbox shares its parent's); canned replies to the org itself.
const staffOrg = (ctx: Ctx) => sql`(select coalesce(sandbox_of_id, id) from organizations where id = ${ctx.orgId})`;

/** The row an action names, as a lookup that finds it only within the caller's organization. */
function reference(ctx: Ctx, action: Action): { id: string; what: string; lookup: SQL } | null {
  switch (action.type) {
    case "assign_team":
    case "round_robin":
      if (!action.team_id) return null;
      return { id: action.team_id, what: "team", lookup: sql`select 1 from teams where id = ${action.team_id} and organization_id = ${staffOrg(ctx)}` };
    case "assign_agent":
      return { id: action.agent_id, what: "active agent", lookup: sql`select 1 from agents where id = ${action.agent_id} and organization_id = ${staffOrg(ctx)} and deactivated_at is null` };
    case "send_canned_reply":
      // Rules act for nobody in particular: only shared replies, never an agent's personal ones.
      return { id: action.canned_reply_id, what: "shared canned reply", lookup: sql`select 1 from canned_replies where id = ${action.canned_reply_id} and organization_id = ${ctx.orgId} and owner_agent_id is null` };
    default:
      return null;
  }
}

/**
 * A rule may only name this organization's teams, agents and shared canned replies, and only webhook targets the
 * webhook rules allow (the connect-time SSRF check runs again on every call).
 */
export async function checkRuleReferences(ctx: Ctx, actions: Action[]) {
  for (const [index, action] of actions.entries()) {
    const path = ["actions", String(index)];
    const ref = reference(ctx, action);
    if (ref && (await rows(ref.lookup)).length === 0) {
      throw invalid(`${action.type}: no such ${ref.what} in this organization`, [{ path, message: "not found in this organization" }]);
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
