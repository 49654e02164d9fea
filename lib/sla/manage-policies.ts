import { and, asc, eq, sql } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { slaPolicies, tags, teams } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import type { Ctx } from "../context";
import { notFound } from "../errors";
import { liveOrgOf } from "../organizations/live-org";
import { assertRole } from "../settings/authorize";
import { parseInput } from "../settings/parse";
import { deleteSlaPolicySchema, slaPolicySchema, updateSlaPolicySchema } from "./schemas";

/** Policies belong to the live organization (like teams) and apply to its sandbox too. */
const inLiveOrg = (ctx: Ctx) => sql`${slaPolicies.organizationId} = ${liveOrgOf(ctx.orgId)}`;

export async function listSlaPolicies(ctx: Ctx) {
  return db
    .select({ policy: slaPolicies, teamName: teams.name, tagName: tags.name })
    .from(slaPolicies)
    .leftJoin(teams, eq(teams.id, slaPolicies.teamId))
    .leftJoin(tags, eq(tags.id, slaPolicies.tagId))
    .where(inLiveOrg(ctx))
    .orderBy(asc(slaPolicies.position), asc(slaPolicies.createdAt));
}

function columns(params: ReturnType<typeof slaPolicySchema.parse>) {
  const seconds = (m: number | undefined) => (m ? m * 60 : null);
  return {
    name: params.name,
    priority: params.priority ?? null,
    teamId: params.team_id ?? null,
    tagId: params.tag_id ?? null,
    firstResponseSeconds: seconds(params.first_response_minutes),
    nextResponseSeconds: seconds(params.next_response_minutes),
    resolutionSeconds: seconds(params.resolution_minutes),
    businessHours: params.business_hours,
    position: params.position,
  };
}

/** The team and tag must be the organization's own: a foreign id is simply not found. */
async function assertOwnRefs(tx: Tx, ctx: Ctx, teamId: string | null, tagId: string | null) {
  if (teamId && !(await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.id, teamId), sql`${teams.organizationId} = ${liveOrgOf(ctx.orgId)}`))).length) throw notFound("Team");
  if (tagId && !(await tx.select({ id: tags.id }).from(tags).where(and(eq(tags.id, tagId), sql`${tags.organizationId} = ${liveOrgOf(ctx.orgId)}`))).length) throw notFound("Tag");
}

/** Live conversations take the policies' change at once (their due times are recomputed in the same transaction). */
async function refreshOpenConversations(tx: Tx, ctx: Ctx) {
  await tx.execute(sql`select dexra_sla_refresh(c.id) from conversations c
    where c.organization_id in (select o.id from organizations o where o.id = ${liveOrgOf(ctx.orgId)} or o.sandbox_of_id = ${liveOrgOf(ctx.orgId)})
      and c.status in ('open', 'pending', 'snoozed')`);
}

export async function createSlaPolicy(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const values = columns(parseInput(slaPolicySchema, input));
  return db.transaction(async (tx) => {
    await assertOwnRefs(tx, ctx, values.teamId, values.tagId);
    const [row] = await tx.insert(slaPolicies).values({ organizationId: sql`${liveOrgOf(ctx.orgId)}`, ...values }).returning();
    await recordAudit(tx, ctx, { action: "sla_policy.created", targetType: "sla_policy", targetId: row!.id, data: values });
    await refreshOpenConversations(tx, ctx);
    return row!;
  });
}

export async function updateSlaPolicy(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { id, ...rest } = parseInput(updateSlaPolicySchema, input);
  const values = columns(parseInput(slaPolicySchema, rest));
  return db.transaction(async (tx) => {
    await assertOwnRefs(tx, ctx, values.teamId, values.tagId);
    const [row] = await tx.update(slaPolicies).set({ ...values, updatedAt: new Date() }).where(and(eq(slaPolicies.id, id), inLiveOrg(ctx))).returning();
    if (!row) throw notFound("SLA policy");
    await recordAudit(tx, ctx, { action: "sla_policy.updated", targetType: "sla_policy", targetId: id, data: values });
    await refreshOpenConversations(tx, ctx);
    return row;
  });
}

export async function deleteSlaPolicy(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { id } = parseInput(deleteSlaPolicySchema, input);
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(slaPolicies).where(and(eq(slaPolicies.id, id), inLiveOrg(ctx))).returning();
    if (!row) throw notFound("SLA policy");
    await recordAudit(tx, ctx, { action: "sla_policy.deleted", targetType: "sla_policy", targetId: id, data: { name: row.name } });
    await refreshOpenConversations(tx, ctx);
    return { id };
  });
}
