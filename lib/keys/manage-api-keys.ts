import { desc, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import type { Ctx } from "../context";
import { createApiKey } from "./create-api-key";
import { revokeApiKey } from "./revoke-api-key";
import { getLiveOrgId, liveOrgOf } from "../organizations/live-org";
import { createKeySchema, revokeKeySchema } from "./schemas";
import { assertRole } from "../settings/authorize";
import { parseInput } from "../settings/parse";


/** Live and test (sandbox) keys together; never the hash. */
export async function listApiKeys(ctx: Ctx) {
  const live = liveOrgOf(ctx.orgId);
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      kind: apiKeys.kind,
      isTest: apiKeys.isTest,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(sql`${apiKeys.organizationId} in (select id from organizations where id = ${live} or sandbox_of_id = ${live})`)
    .orderBy(sql`${apiKeys.revokedAt} is not null`, desc(apiKeys.createdAt));
}

/** Returns the raw key: the caller shows it once; only its hash is kept. */
export async function createOrgApiKey(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const params = parseInput(createKeySchema, input);
  return db.transaction(async (tx) => {
    const liveOrgId = await getLiveOrgId(tx, ctx.orgId);
    const created = await createApiKey(liveOrgId, { kind: params.kind, test: params.mode === "test", name: params.name, createdById: ctx.actor.id }, tx);
    await recordAudit(tx, ctx, { action: "api_key.created", targetType: "api_key", targetId: created.apiKey.id, data: { ...params, prefix: created.prefix } });
    return { key: created.key, prefix: created.prefix };
  });
}

/** Revoked keys answer 401 from the next request on: the API looks keys up on every call. */
export async function revokeOrgApiKey(ctx: Ctx, input: unknown) {
  assertRole(ctx, "admin");
  const { prefix } = parseInput(revokeKeySchema, input);
  return db.transaction(async (tx) => {
    await revokeApiKey(prefix, await getLiveOrgId(tx, ctx.orgId), tx);
    await recordAudit(tx, ctx, { action: "api_key.revoked", targetType: "api_key", targetId: null, data: { prefix } });
    return { prefix };
  });
}
