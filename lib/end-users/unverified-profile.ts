import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { endUsers } from "@/db/schema";
import type { Ctx } from "../context";
import { mergeAttributes, validateCustomAttributes } from "../custom-attributes/validate";
import { emitEvent } from "../events/record";
import { serializeEndUser } from "./serialize";

export type ClaimedProfile = { email?: string; first_name?: string; last_name?: string; custom_attributes?: Record<string, unknown> };

/**
 * What a page says about an anonymous visitor without a user_hash or user_jwt (SBUser without proof). It is
 * stored on the anonymous end user only, the email as `unverified_email` (never used to find anyone), so it
 * can neither reach a verified user's history nor change their profile. Verified users are left untouched.
 */
export async function recordUnverifiedProfile(ctx: Ctx, endUserId: string, profile: ClaimedProfile) {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select()
      .from(endUsers)
      .where(and(eq(endUsers.organizationId, ctx.orgId), eq(endUsers.id, endUserId), eq(endUsers.isAnonymous, true)))
      .for("update");
    if (!user) return null;
    if (profile.custom_attributes) await validateCustomAttributes(tx, ctx, "end_user", profile.custom_attributes);
    const [row] = await tx
      .update(endUsers)
      .set({
        firstName: profile.first_name ?? user.firstName,
        lastName: profile.last_name ?? user.lastName,
        unverifiedEmail: profile.email?.toLowerCase() ?? user.unverifiedEmail,
        customAttributes: profile.custom_attributes ? mergeAttributes(user.customAttributes, profile.custom_attributes) : user.customAttributes,
        updatedAt: new Date(),
      })
      .where(eq(endUsers.id, user.id))
      .returning();
    await emitEvent(tx, ctx, "user_updated", { user: serializeEndUser(row!), changes: { ...profile, verified: false } });
    return row!;
  });
}
