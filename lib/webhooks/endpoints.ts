import { and, desc, eq } from "drizzle-orm";
import { db, type DbOrTx, type Tx } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import type { Ctx } from "../context";
import { notFound } from "../errors";
import { isUuid } from "../ids";
import { createWebhookSchema, updateWebhookSchema, type CreateWebhookInput, type UpdateWebhookInput } from "./schemas";
import { serializeWebhookEndpoint } from "./serialize";
import { generateWebhookSecret } from "./signing";
import { assertWebhookTargetAllowed } from "./ssrf";

const byId = (ctx: Ctx, id: string) => and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.organizationId, ctx.orgId));

export async function getWebhookEndpointRowOrThrow(ctx: Ctx, id: string, executor: DbOrTx = db) {
  if (!isUuid(id)) throw notFound("Webhook endpoint");
  const [row] = await executor.select().from(webhookEndpoints).where(byId(ctx, id));
  if (!row) throw notFound("Webhook endpoint");
  return row;
}

/** Runs in the write's transaction (an audit row): the change and it commit together, or neither. */
export type AlongsideWrite<T> = (tx: Tx, written: T) => Promise<unknown>;

/**
 * Returns the endpoint with its `whsec_` signing secret: the only time the secret is shown. The URL's DNS
 * check runs before the transaction opens, so a slow lookup holds no connection.
 */
export async function createWebhookEndpoint(ctx: Ctx, input: CreateWebhookInput, alongside?: AlongsideWrite<{ id: string; url: string; events: string[] }>) {
  const params = createWebhookSchema.parse(input);
  await assertWebhookTargetAllowed(params.url);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({
        organizationId: ctx.orgId,
        url: params.url,
        description: params.description ?? null,
        events: params.events,
        enabled: params.enabled,
        secret: generateWebhookSecret(),
      })
      .returning();
    const endpoint = { ...serializeWebhookEndpoint(row!), secret: row!.secret };
    await alongside?.(tx, endpoint);
    return endpoint;
  });
}

export async function listWebhookEndpoints(ctx: Ctx) {
  const list = await db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.organizationId, ctx.orgId))
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
  return { count: list.length, results: list.map(serializeWebhookEndpoint) };
}

export async function getWebhookEndpoint(ctx: Ctx, id: string) {
  return serializeWebhookEndpoint(await getWebhookEndpointRowOrThrow(ctx, id));
}

/** Re-enabling clears the reason and the failure clock, so the endpoint gets a fresh five days. */
export async function updateWebhookEndpoint(ctx: Ctx, id: string, input: UpdateWebhookInput, alongside?: AlongsideWrite<{ url: string; events: string[]; enabled: boolean }>) {
  const params = updateWebhookSchema.parse(input);
  await getWebhookEndpointRowOrThrow(ctx, id);
  if (params.url) await assertWebhookTargetAllowed(params.url);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookEndpoints)
      .set({
        url: params.url,
        events: params.events,
        description: params.description,
        enabled: params.enabled,
        ...(params.enabled !== undefined ? { disabledReason: null, failingSince: null } : {}),
        updatedAt: new Date(),
      })
      .where(byId(ctx, id))
      .returning();
    if (!row) throw notFound("Webhook endpoint");
    const endpoint = serializeWebhookEndpoint(row);
    await alongside?.(tx, endpoint);
    return endpoint;
  });
}

/** Deleting an endpoint also deletes its deliveries and their attempt log. */
export async function deleteWebhookEndpoint(ctx: Ctx, id: string, executor: DbOrTx = db) {
  if (!isUuid(id)) throw notFound("Webhook endpoint");
  const [row] = await executor.delete(webhookEndpoints).where(byId(ctx, id)).returning({ id: webhookEndpoints.id });
  if (!row) throw notFound("Webhook endpoint");
  return { id: row.id, deleted: true as const };
}
