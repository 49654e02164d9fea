import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { agentInvitations, agents, organizations } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import type { Ctx } from "../context";
import { randomToken, sha256 } from "../crypto";
import { ApiError, invalid, notFound } from "../errors";
import { getLiveOrgId } from "../organizations/live-org";
import { assertRole } from "../settings/authorize";
import { parseInput } from "../settings/parse";
import { createAgent } from "./create-agent";
import { acceptInvitationSchema, agentIdSchema, inviteAgentSchema } from "./settings-schemas";

/** Only owners may hand out the owner role. */
const assertMayGrant = (ctx: Ctx, role: string) => assertRole(ctx, role === "owner" ? "owner" : "admin");

/**
 * Creates a one-time invitation and returns its raw token once (only its hash is stored).
 * A newer invitation for the same email replaces the pending one.
 */
export async function inviteAgent(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const params = parseInput(inviteAgentSchema, input);
  assertMayGrant(ctx, params.role);
  const token = randomToken(32);
  return db.transaction(async (tx) => {
    const orgId = await getLiveOrgId(tx, ctx.orgId);
    // Only this organization's own agents are reported (the admin sees them anyway). Whether the email belongs
    // to an agent elsewhere is not this organization's business: the answer is the same either way, and such
    // an invitation simply cannot be accepted.
    const [existing] = await tx
      .select({ id: agents.id })
      .from(agents)
      .where(and(eq(agents.organizationId, orgId), sql`lower(${agents.email}) = ${params.email}`));
    if (existing) throw invalid("an agent with this email already exists", [{ path: ["email"], message: "an agent with this email already exists" }]);
    await tx.delete(agentInvitations).where(and(eq(agentInvitations.organizationId, orgId), eq(agentInvitations.email, params.email), isNull(agentInvitations.acceptedAt)));
    const [invitation] = await tx
      .insert(agentInvitations)
      .values({
        organizationId: orgId,
        email: params.email,
        name: params.name,
        role: params.role,
        tokenHash: sha256(token),
        invitedById: ctx.actor.type === "agent" ? ctx.actor.id : null,
        expiresAt: new Date(Date.now() + params.expiresInHours * 3_600_000),
      })
      .returning();
    await recordAudit(tx, ctx, { action: "agent.invited", targetType: "invitation", targetId: invitation!.id, data: { email: params.email, role: params.role } });
    return { invitation: invitation!, token };
  });
}

export async function listPendingInvitations(ctx: Ctx) {
  const orgId = await getLiveOrgId(db, ctx.orgId);
  return db
    .select()
    .from(agentInvitations)
    .where(and(eq(agentInvitations.organizationId, orgId), isNull(agentInvitations.acceptedAt)))
    .orderBy(desc(agentInvitations.createdAt));
}

export async function revokeInvitation(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { id } = parseInput(agentIdSchema, input);
  return db.transaction(async (tx) => {
    const orgId = await getLiveOrgId(tx, ctx.orgId);
    const [row] = await tx
      .delete(agentInvitations)
      .where(and(eq(agentInvitations.id, id), eq(agentInvitations.organizationId, orgId), isNull(agentInvitations.acceptedAt)))
      .returning();
    if (!row) throw notFound("Invitation");
    await recordAudit(tx, ctx, { action: "invitation.revoked", targetType: "invitation", targetId: id, data: { email: row.email } });
    return { id };
  });
}

export type InvitationLookup =
  | { status: "valid"; email: string; name: string | null; role: string; organizationName: string }
  | { status: "expired" | "used" | "unknown" };

/** What the public invitation page may show for a token. */
export async function lookUpInvitation(token: string, now = new Date()): Promise<InvitationLookup> {
  const [row] = await db
    .select({ invitation: agentInvitations, organizationName: organizations.name })
    .from(agentInvitations)
    .innerJoin(organizations, eq(organizations.id, agentInvitations.organizationId))
    .where(eq(agentInvitations.tokenHash, sha256(token)));
  if (!row) return { status: "unknown" };
  if (row.invitation.acceptedAt) return { status: "used" };
  if (row.invitation.expiresAt <= now) return { status: "expired" };
  const { email, name, role } = row.invitation;
  return { status: "valid", email, name, role, organizationName: row.organizationName };
}

const refused: Record<"expired" | "used" | "unknown", string> = {
  expired: "This invitation has expired. Ask an admin for a new link.",
  used: "This invitation has already been used. Sign in instead.",
  unknown: "This invitation link is not valid.",
};

/** Public: sets the password and creates the agent; the link works once, before it expires. */
export async function acceptInvitation(input: unknown) {
  const params = parseInput(acceptInvitationSchema, input);
  return db.transaction(async (tx) => {
    const [invitation] = await tx.select().from(agentInvitations).where(eq(agentInvitations.tokenHash, sha256(params.token))).for("update");
    const problem = !invitation ? "unknown" : invitation.acceptedAt ? "used" : invitation.expiresAt <= new Date() ? "expired" : null;
    if (problem || !invitation) throw new ApiError(problem === "used" ? "conflict" : "not_found", refused[problem ?? "unknown"]);
    const agent = await createAgent(invitation.organizationId, { email: invitation.email, name: params.name, password: params.password, role: invitation.role }, tx);
    await tx.update(agentInvitations).set({ acceptedAt: new Date() }).where(eq(agentInvitations.id, invitation.id));
    const ctx: Ctx = { orgId: invitation.organizationId, actor: { type: "agent", id: agent.id, name: agent.name, email: agent.email, role: agent.role } };
    await recordAudit(tx, ctx, { action: "invitation.accepted", targetType: "agent", targetId: agent.id, data: { email: agent.email, role: agent.role } });
    return { agentId: agent.id, email: agent.email };
  });
}
