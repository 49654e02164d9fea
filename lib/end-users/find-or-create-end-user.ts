import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { endUsers } from "@/db/schema";
import { randomToken, sha256 } from "../crypto";

export type EndUserIdentity = { email?: string; firstName?: string; lastName?: string };

/** Looks the end user up by email (case-insensitive), creating them if missing; safe under concurrent creates. */
export async function findOrCreateEndUser(tx: Tx, orgId: string, identity: EndUserIdentity & { email: string }) {
  const email = identity.email.toLowerCase();
  await tx.execute(sql`
    insert into end_users (organization_id, email, first_name, last_name)
    values (${orgId}, ${email}, ${identity.firstName ?? null}, ${identity.lastName ?? null})
    on conflict (organization_id, lower(email)) where email is not null do nothing`);
  const [user] = await tx
    .select()
    .from(endUsers)
    .where(and(eq(endUsers.organizationId, orgId), sql`lower(${endUsers.email}) = ${email}`))
    .limit(1);
  return user!;
}

/** Looks the end user up by their id in the customer's system (`external_id`), creating them if missing. */
export async function findOrCreateEndUserByExternalId(tx: Tx, orgId: string, externalId: string) {
  await tx.execute(sql`
    insert into end_users (organization_id, external_id) values (${orgId}, ${externalId})
    on conflict (organization_id, external_id) where external_id is not null do nothing`);
  const [user] = await tx
    .select()
    .from(endUsers)
    .where(and(eq(endUsers.organizationId, orgId), eq(endUsers.externalId, externalId)))
    .limit(1);
  return user!;
}

/** An end user with no email: the returned token (shown once) is their only credential. */
export async function createAnonymousEndUser(tx: Tx, orgId: string, identity: EndUserIdentity = {}) {
  const token = `anon_${randomToken(24)}`;
  const [user] = await tx
    .insert(endUsers)
    .values({
      organizationId: orgId,
      firstName: identity.firstName,
      lastName: identity.lastName,
      isAnonymous: true,
      anonymousTokenHash: sha256(token),
    })
    .returning();
  return { user: user!, token };
}
