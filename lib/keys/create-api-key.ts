import { eq } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { apiKeys, organizations } from "@/db/schema";
import { notFound } from "../errors";
import { generateKey, type KeyKind } from "./key-format";

export type CreateApiKeyParams = { kind: KeyKind; test?: boolean; name?: string; createdById?: string | null };

/** The organization a key acts for: the live one, or its sandbox sibling for test keys. */
export async function resolveKeyOrganization(executor: DbOrTx, liveOrgId: string, test: boolean): Promise<string> {
  const column = test ? organizations.sandboxOfId : organizations.id;
  const [org] = await executor.select({ id: organizations.id }).from(organizations).where(eq(column, liveOrgId)).limit(1);
  if (!org) throw notFound("Organization");
  return org.id;
}

/** Creates a key and returns the raw key: the only time it exists outside the caller's hands. */
export async function createApiKey(liveOrgId: string, params: CreateApiKeyParams, executor: DbOrTx = db) {
  const organizationId = await resolveKeyOrganization(executor, liveOrgId, params.test ?? false);
  const generated = generateKey(params.kind, params.test ?? false);
  const [row] = await executor
    .insert(apiKeys)
    .values({
      organizationId,
      kind: params.kind,
      isTest: params.test ?? false,
      name: params.name ?? "",
      prefix: generated.prefix,
      keyHash: generated.keyHash,
      createdById: params.createdById ?? null,
    })
    .returning();
  return { key: generated.key, prefix: generated.prefix, apiKey: row! };
}
