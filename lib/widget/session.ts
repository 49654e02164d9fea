import type { Ctx } from "../context";
import { ApiError } from "../errors";
import { getEndUserRowOrThrow } from "../end-users/end-users";
import { mergeAnonymousEndUser } from "../end-users/merge-anonymous";
import { recordUnverifiedProfile } from "../end-users/unverified-profile";
import { updateEndUser } from "../end-users/update-end-user";
import type { WidgetProfile } from "./schemas";

export type WidgetVisitor = { id: string; first_name: string | null; last_name: string | null; email: string | null; verified: boolean };

/**
 * The messenger's view of who is chatting, after applying what the host page said. A verified identity
 * (already checked by the API wrapper) adopts the anonymous conversations of the same browser and takes the
 * page's names and attributes; an anonymous visitor's claims are kept as unverified.
 */
export async function startWidgetSession(ctx: Ctx, options: { anonymousToken?: string; profile: WidgetProfile }) {
  if (ctx.actor.type !== "end_user") return { visitor: null, merged_conversations: 0 };
  let user = await getEndUserRowOrThrow(ctx, ctx.actor.id);
  const { email: _claimedEmail, ...vouchedByPage } = options.profile;
  let merged = 0;
  let profileError: string | null = null;
  if (!user.isAnonymous) {
    if (options.anonymousToken) merged = await mergeAnonymousEndUser(ctx, options.anonymousToken, user.id);
    const changed =
      (vouchedByPage.first_name !== undefined && vouchedByPage.first_name !== user.firstName) ||
      (vouchedByPage.last_name !== undefined && vouchedByPage.last_name !== user.lastName) ||
      Object.entries(vouchedByPage.custom_attributes ?? {}).some(([k, v]) => JSON.stringify(v) !== JSON.stringify(user.customAttributes[k]));
    if (changed) profileError = await tolerate(() => updateEndUser(ctx, user.id, vouchedByPage));
    if (changed || merged) user = await getEndUserRowOrThrow(ctx, user.id);
  } else if (Object.keys(options.profile).length > 0) {
    profileError = await tolerate(async () => {
      user = (await recordUnverifiedProfile(ctx, user.id, options.profile)) ?? user;
    });
  }
  const visitor: WidgetVisitor = {
    id: user.id,
    first_name: user.firstName,
    last_name: user.lastName,
    email: user.email ?? user.unverifiedEmail,
    verified: !user.isAnonymous,
  };
  return { visitor, merged_conversations: merged, profile_error: profileError };
}

/**
 * A profile the organization's attribute definitions refuse (say `plan: "Gold"` for a select of free/pro) must
 * not stop the visitor from chatting: the identity stands, the profile is not saved, and the reason is returned.
 */
async function tolerate(work: () => Promise<unknown>): Promise<string | null> {
  try {
    await work();
    return null;
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) return error.message;
    throw error;
  }
}
