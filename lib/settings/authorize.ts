import type { Ctx } from "../context";
import { ApiError } from "../errors";
import { roleAtLeast, type Role } from "../auth/roles";

/**
 * Settings functions check the role themselves too, so no caller (a server action that forgot its
 * check, a future route) can change settings as a plain agent. Not found, as the pages answer.
 */
export function assertRole(ctx: Ctx, role: Role) {
  // A server key has full access to its organization's data (API.md "Keys"); it manages settings over /api/v1.
  if (ctx.actor.type === "api_key" && ctx.actor.kind === "server") return;
  if (ctx.actor.type !== "agent" || !roleAtLeast(ctx.actor.role, role)) throw new ApiError("not_found", "Not found");
}
