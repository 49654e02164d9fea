import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { agents } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { endAllAgentSessions } from "../auth/sessions";
import type { Ctx } from "../context";
import { invalid } from "../errors";
import { parseInput } from "../settings/parse";
import { hashPassword, verifyPassword } from "./password";
import { passwordSchema } from "./schemas";

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, "your current password is required").max(200), password: passwordSchema, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "the passwords do not match" });

/**
 * The signed-in agent sets a new password. Every session ends with it, this one included, so a stolen
 * cookie dies with the old password; the agent signs in again with the new one.
 */
export async function changeOwnPassword(ctx: Ctx, input: unknown) {
  if (ctx.actor.type !== "agent") throw invalid("Only an agent can change their password.");
  const agentId = ctx.actor.id;
  const params = parseInput(changePasswordSchema, input);
  const [agent] = await db.select({ passwordHash: agents.passwordHash }).from(agents).where(eq(agents.id, agentId));
  if (!agent?.passwordHash || !(await verifyPassword(params.currentPassword, agent.passwordHash))) {
    throw invalid("the current password is not correct", [{ path: ["currentPassword"], message: "the current password is not correct" }]);
  }
  const passwordHash = await hashPassword(params.password);
  await db.transaction(async (tx) => {
    await tx.update(agents).set({ passwordHash, updatedAt: new Date() }).where(eq(agents.id, agentId));
    await endAllAgentSessions(agentId, tx);
    await recordAudit(tx, ctx, { action: "agent.password_changed", targetType: "agent", targetId: agentId, data: {} });
  });
}
