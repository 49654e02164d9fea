import { db } from "@/db/client";
import type { Ctx } from "../context";
import { createAnonymousEndUser } from "../end-users/find-or-create-end-user";

/**
 * An anonymous visitor before their first conversation: the messenger asks for one only when the visitor's first
 * message carries files, because an upload needs an end user to belong to (and to be claimed only by them).
 * Someone already identified (token, hash or JWT) keeps who they are: no new token.
 */
export async function startAnonymousVisitor(ctx: Ctx, profile: { firstName?: string } = {}) {
  if (ctx.actor.type === "end_user") return { visitor_id: ctx.actor.id, token: null };
  const { user, token } = await db.transaction((tx) => createAnonymousEndUser(tx, ctx.orgId, profile));
  return { visitor_id: user.id, token };
}
