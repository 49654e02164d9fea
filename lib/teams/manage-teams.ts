import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { agents, teamMembers, teams } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { emitEvent } from "../events/record";
import type { Ctx } from "../context";
import { invalid, notFound } from "../errors";
import { getLiveOrgId, liveOrgOf } from "../organizations/live-org";
import { assertRole } from "../settings/authorize";
import { parseInput } from "../settings/parse";
import type { Tx } from "@/db/client";
import { createTeamSchema, deleteTeamSchema, renameTeamSchema, setTeamMembersSchema } from "./schemas";
import { serializeTeam } from "./serialize";

// Teams, like agents, belong to the live organization; its sandbox shares them.
const inLiveOrg = (column: AnyPgColumn, ctx: Ctx) => sql`${column} = ${liveOrgOf(ctx.orgId)}`;

const nameTaken = () => invalid("a team with this name already exists", [{ path: ["name"], message: "a team with this name already exists" }]);

/** Teams with their member ids, for the Teams page. */
export async function listTeams(ctx: Ctx) {
  const [teamRows, memberRows] = await Promise.all([
    db.select().from(teams).where(inLiveOrg(teams.organizationId, ctx)).orderBy(asc(teams.name)),
    db.select({ teamId: teamMembers.teamId, agentId: teamMembers.agentId }).from(teamMembers).where(inLiveOrg(teamMembers.organizationId, ctx)),
  ]);
  return teamRows.map((t) => ({ ...t, memberIds: memberRows.filter((m) => m.teamId === t.id).map((m) => m.agentId) }));
}

async function memberIdsOf(tx: Tx, teamId: string) {
  const members = await tx.select({ agentId: teamMembers.agentId }).from(teamMembers).where(eq(teamMembers.teamId, teamId));
  return members.map((m) => m.agentId);
}

/** One team with its member ids (404 outside the organization). */
export async function getTeam(ctx: Ctx, id: string) {
  const team = (await listTeams(ctx)).find((t) => t.id === id);
  if (!team) throw notFound("Team");
  return team;
}

async function lockTeam(tx: Tx, ctx: Ctx, id: string) {
  const [team] = await tx.select().from(teams).where(and(eq(teams.id, id), inLiveOrg(teams.organizationId, ctx))).for("update");
  if (!team) throw notFound("Team");
  return team;
}

export async function createTeam(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const params = parseInput(createTeamSchema, input);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(teams).values({ organizationId: await getLiveOrgId(tx, ctx.orgId), name: params.name }).onConflictDoNothing().returning();
    if (!row) throw nameTaken();
    await recordAudit(tx, ctx, { action: "team.created", targetType: "team", targetId: row.id, data: { name: row.name } });
    await emitEvent(tx, ctx, "team_created", { team: serializeTeam(row, []) });
    return row;
  });
}

export async function renameTeam(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { id, name } = parseInput(renameTeamSchema, input);
  return db.transaction(async (tx) => {
    const before = await lockTeam(tx, ctx, id);
    const [clash] = await tx.select({ id: teams.id }).from(teams).where(and(inLiveOrg(teams.organizationId, ctx), eq(teams.name, name), sql`${teams.id} <> ${id}`));
    if (clash) throw nameTaken();
    const [row] = await tx.update(teams).set({ name }).where(eq(teams.id, id)).returning();
    await recordAudit(tx, ctx, { action: "team.renamed", targetType: "team", targetId: id, data: { from: before.name, to: name } });
    await emitEvent(tx, ctx, "team_updated", { team: serializeTeam(row!, await memberIdsOf(tx, id)), changes: { name: { from: before.name, to: name } } });
    return row!;
  });
}

/** Conversations of a deleted team stay, unassigned from it (team_id is set null). */
export async function deleteTeam(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { id } = parseInput(deleteTeamSchema, input);
  return db.transaction(async (tx) => {
    const team = await lockTeam(tx, ctx, id);
    await tx.delete(teams).where(eq(teams.id, id));
    await recordAudit(tx, ctx, { action: "team.deleted", targetType: "team", targetId: id, data: { name: team.name } });
    await emitEvent(tx, ctx, "team_deleted", { team_id: id, name: team.name });
    return { id };
  });
}

/** Replaces the member list; every member must be an agent of this organization. */
export async function setTeamMembers(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { id, agentIds } = parseInput(setTeamMembersSchema, input);
  const wanted = [...new Set(agentIds)];
  return db.transaction(async (tx) => {
    const team = await lockTeam(tx, ctx, id);
    const found = wanted.length
      ? await tx.select({ id: agents.id }).from(agents).where(and(inArray(agents.id, wanted), sql`${agents.organizationId} = ${liveOrgOf(ctx.orgId)}`))
      : [];
    if (found.length !== wanted.length) throw invalid("unknown agent", [{ path: ["agentIds"], message: "every member must be an agent of this organization" }]);
    await tx.delete(teamMembers).where(eq(teamMembers.teamId, id));
    if (wanted.length) await tx.insert(teamMembers).values(wanted.map((agentId) => ({ organizationId: team.organizationId, teamId: id, agentId })));
    await recordAudit(tx, ctx, { action: "team.members_set", targetType: "team", targetId: id, data: { name: team.name, agentIds: wanted } });
    await emitEvent(tx, ctx, "team_members_updated", { team: serializeTeam(team, wanted) });
    return { id, agentIds: wanted };
  });
}
