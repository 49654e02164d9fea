import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { endUsers, type EndUser } from "@/db/schema";
import type { Ctx } from "../context";
import { sha256 } from "../crypto";
import { emitEvent } from "../events/record";
import { serializeEndUser } from "./serialize";

export type VerifiedIdentity = {
  email?: string;
  externalId?: string;
  /** Only a signed identity token vouches for these; an HMAC'd email vouches for the email alone. */
  name?: string;
  customAttributes?: Record<string, unknown>;
};

function splitName(name: string) {
  const [first, ...rest] = name.trim().split(/\s+/);
  return { firstName: first ?? null, lastName: rest.length ? rest.join(" ") : null };
}

/** The end user a verified identity names, created on first sight; attributes the token vouches for are applied. */
export async function identifyEndUser(orgId: string, identity: VerifiedIdentity): Promise<EndUser> {
  const email = identity.email?.toLowerCase();
  const match = email ? sql`lower(${endUsers.email}) = ${email}` : eq(endUsers.externalId, identity.externalId!);
  const [existing] = await db.select().from(endUsers).where(and(eq(endUsers.organizationId, orgId), match)).limit(1);
  const names: { firstName?: string | null; lastName?: string | null } = identity.name ? splitName(identity.name) : {};
  const vouched = { ...names, customAttributes: identity.customAttributes };
  if (!existing) {
    const conflict = email
      ? sql`(organization_id, lower(email)) where email is not null`
      : sql`(organization_id, external_id) where external_id is not null`;
    await db.execute(sql`
      insert into end_users (organization_id, email, external_id, first_name, last_name, custom_attributes)
      values (${orgId}, ${email ?? null}, ${identity.externalId ?? null}, ${vouched.firstName ?? null}, ${vouched.lastName ?? null},
              ${JSON.stringify(vouched.customAttributes ?? {})}::jsonb)
      on conflict ${conflict} do nothing`);
    const [created] = await db.select().from(endUsers).where(and(eq(endUsers.organizationId, orgId), match)).limit(1);
    return created!;
  }
  const changed =
    (vouched.firstName !== undefined && vouched.firstName !== existing.firstName) ||
    (vouched.lastName !== undefined && vouched.lastName !== existing.lastName) ||
    Object.entries(vouched.customAttributes ?? {}).some(([k, v]) => JSON.stringify(v) !== JSON.stringify(existing.customAttributes[k]));
  if (!changed) return existing;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(endUsers)
      .set({
        ...vouched,
        customAttributes: vouched.customAttributes ? { ...existing.customAttributes, ...vouched.customAttributes } : existing.customAttributes,
        updatedAt: new Date(),
      })
      .where(eq(endUsers.id, existing.id))
      .returning();
    const ctx: Ctx = { orgId, actor: { type: "end_user", id: existing.id, name: existing.email ?? "Anonymous" } };
    await emitEvent(tx, ctx, "user_updated", { user: serializeEndUser(row!), changes: { source: "identity_token" } });
    return row!;
  });
}

/** The anonymous end user holding this token, or null. */
export async function findAnonymousEndUser(orgId: string, token: string): Promise<EndUser | null> {
  const [user] = await db
    .select()
    .from(endUsers)
    .where(and(eq(endUsers.organizationId, orgId), eq(endUsers.anonymousTokenHash, sha256(token))))
    .limit(1);
  return user ?? null;
}
