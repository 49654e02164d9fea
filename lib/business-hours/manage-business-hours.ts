import { eq, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { organizations, type WeeklyHours } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { emitEvent } from "../events/record";
import type { Ctx } from "../context";
import { notFound } from "../errors";
import { liveOrgOf } from "../organizations/live-org";
import { assertRole } from "../settings/authorize";
import { parseInput } from "../settings/parse";
import { businessHoursSchema, WEEKDAYS } from "./schemas";

export async function getBusinessHours(ctx: Ctx) {
  const [org] = await db
    .select({ businessHours: organizations.businessHours, holidays: organizations.holidays, timeZone: organizations.timeZone })
    .from(organizations)
    .where(eq(organizations.id, ctx.orgId));
  if (!org) throw notFound("Organization");
  return org;
}

/** Null business hours means "always open". Live and sandbox share the schedule. */
export async function updateBusinessHours(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const params = parseInput(businessHoursSchema, input);
  const weekly = params.enabled
    ? (Object.fromEntries(WEEKDAYS.map((d) => [d, params.days[d].enabled ? [{ open: params.days[d].open, close: params.days[d].close }] : []])) as WeeklyHours)
    : null;
  const holidays = [...new Set(params.holidays)].sort();
  return db.transaction(async (tx) => {
    const live = liveOrgOf(ctx.orgId);
    await tx
      .update(organizations)
      .set({ businessHours: weekly, holidays, updatedAt: new Date() })
      .where(or(sql`${organizations.id} = ${live}`, sql`${organizations.sandboxOfId} = ${live}`));
    await recordAudit(tx, ctx, { action: "business_hours.updated", targetType: "organization", targetId: null, data: { weekly, holidays } });
    await emitEvent(tx, ctx, "business_hours_updated", { business_hours: { enabled: weekly !== null, weekly, holidays } });
    return { businessHours: weekly, holidays };
  });
}
