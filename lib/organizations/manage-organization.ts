import { eq, or, sql } from "drizzle-orm";
import { rebuildReportRollups } from "../reports/rebuild-rollups";
import { db } from "@/db/client";
import { organizations } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import type { Ctx } from "../context";
import { notFound } from "../errors";
import { generateIdentitySecret } from "./create-organization";
import { assertRole } from "../settings/authorize";
import { parseInput } from "../settings/parse";
import { liveOrgOf } from "./live-org";
import { rotateIdentitySecretSchema, updateOrganizationSchema } from "./schemas";

// Organization-wide settings live on both rows (live and sandbox) and are always written to both,
// so test keys behave like live keys (same rate limit, same identity secret).
const bothRows = (ctx: Ctx) => {
  const live = liveOrgOf(ctx.orgId);
  return or(sql`${organizations.id} = ${live}`, sql`${organizations.sandboxOfId} = ${live}`);
};

/** The live organization's settings, without its secrets. */
export async function getOrganizationSettings(ctx: Ctx) {
  const [org] = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      timeZone: organizations.timeZone,
      rateLimitPerMinute: organizations.rateLimitPerMinute,
      allowedOrigins: organizations.allowedOrigins,
      previousIdentitySecretExpiresAt: organizations.previousIdentitySecretExpiresAt,
    })
    .from(organizations)
    .where(sql`${organizations.id} = ${liveOrgOf(ctx.orgId)}`);
  if (!org) throw notFound("Organization");
  return org;
}

export async function updateOrganization(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const params = parseInput(updateOrganizationSchema, input);
  return db.transaction(async (tx) => {
    const before = await getOrganizationSettings(ctx);
    await tx.update(organizations).set({ ...params, updatedAt: new Date() }).where(bothRows(ctx));
    if (params.timeZone !== before.timeZone) await rebuildReportRollups(tx, ctx);
    const { id: _id, previousIdentitySecretExpiresAt: _p, ...from } = before;
    await recordAudit(tx, ctx, { action: "organization.updated", targetType: "organization", targetId: before.id, data: { from, to: params } });
    return params;
  });
}

/** Reading the secret is itself audited: it lets anyone vouch for any end user's identity. */
export async function revealIdentitySecret(ctx: Ctx) {
  assertRole(ctx, "admin");
  return db.transaction(async (tx) => {
    const [org] = await tx.select({ identitySecret: organizations.identitySecret }).from(organizations).where(eq(organizations.id, ctx.orgId));
    if (!org) throw notFound("Organization");
    await recordAudit(tx, ctx, { action: "identity_secret.revealed", targetType: "organization", targetId: null });
    return { identitySecret: org.identitySecret };
  });
}

/**
 * New secret for live and sandbox alike; the old one keeps verifying until the grace period ends,
 * so widgets signed with it do not break mid-rotation. Owners only.
 */
export async function rotateIdentitySecret(ctx: Ctx, input: unknown) {
  assertRole(ctx, "owner");
  const { graceHours } = parseInput(rotateIdentitySecretSchema, input);
  const identitySecret = generateIdentitySecret();
  const expiresAt = graceHours > 0 ? new Date(Date.now() + graceHours * 3_600_000) : null;
  return db.transaction(async (tx) => {
    await tx
      .update(organizations)
      .set({
        previousIdentitySecret: expiresAt ? sql`${organizations.identitySecret}` : null,
        previousIdentitySecretExpiresAt: expiresAt,
        identitySecret,
        updatedAt: new Date(),
      })
      .where(bothRows(ctx));
    await recordAudit(tx, ctx, { action: "identity_secret.rotated", targetType: "organization", targetId: null, data: { graceHours } });
    return { identitySecret, previousExpiresAt: expiresAt };
  });
}
