import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { agents, teams } from "@/db/schema";
import type { Ctx } from "../context";
import { invalid } from "../errors";
import { isUuid } from "../ids";

/** Agents and teams belong to the live organization; a sandbox shares its parent's. */
const staffOrgId = (ctx: Ctx) => sql`(select coalesce(sandbox_of_id, id) from organizations where id = ${ctx.orgId})`;

export type AgentRef = { email?: string | null; id?: string | null };

/** An active agent of the caller's organization, by email or id; 400 when there is none. */
export async function findAgentOrThrow(executor: DbOrTx, ctx: Ctx, ref: AgentRef) {
  const match = ref.id
    ? isUuid(ref.id) ? eq(agents.id, ref.id) : sql`false`
    : sql`lower(${agents.email}) = ${(ref.email ?? "").toLowerCase()}`;
  const [agent] = await executor
    .select()
    .from(agents)
    .where(and(sql`${agents.organizationId} = ${staffOrgId(ctx)}`, isNull(agents.deactivatedAt), match))
    .limit(1);
  if (!agent) throw invalid(`no active agent ${ref.id ?? ref.email} in this organization`);
  return agent;
}

/** The agent with this email if there is one (the message sender rule needs "maybe"). */
export async function findAgentByEmail(executor: DbOrTx, ctx: Ctx, email: string) {
  const [agent] = await executor
    .select()
    .from(agents)
    .where(and(sql`${agents.organizationId} = ${staffOrgId(ctx)}`, isNull(agents.deactivatedAt), sql`lower(${agents.email}) = ${email.toLowerCase()}`))
    .limit(1);
  return agent ?? null;
}

/** A team of the organization by id or name; 400 when there is none. */
export async function findTeamOrThrow(executor: DbOrTx, ctx: Ctx, ref: string) {
  const match = isUuid(ref) ? eq(teams.id, ref) : sql`lower(${teams.name}) = ${ref.toLowerCase()}`;
  const [team] = await executor
    .select()
    .from(teams)
    .where(and(sql`${teams.organizationId} = ${staffOrgId(ctx)}`, match))
    .limit(1);
  if (!team) throw invalid(`no team ${ref} in this organization`);
  return team;
}
