import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { apiKeys, organizations } from "@/db/schema";
import { notFound } from "../errors";

/** Revokes by visible prefix; `liveOrgId` limits it to one organization (and its sandbox) when given. */
export async function revokeApiKey(prefix: string, liveOrgId?: string, executor: DbOrTx = db) {
  const scope = liveOrgId
    ? inArray(
        apiKeys.organizationId,
        executor
          .select({ id: organizations.id })
          .from(organizations)
          .where(or(eq(organizations.id, liveOrgId), eq(organizations.sandboxOfId, liveOrgId))),
      )
    : undefined;
  const [row] = await executor
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.prefix, prefix), isNull(apiKeys.revokedAt), scope))
    .returning({ id: apiKeys.id });
  if (row) return { revoked: true as const };
  const [existing] = await executor.select({ id: apiKeys.id }).from(apiKeys).where(and(eq(apiKeys.prefix, prefix), scope));
  if (!existing) throw notFound("API key");
  return { revoked: true as const };
}
