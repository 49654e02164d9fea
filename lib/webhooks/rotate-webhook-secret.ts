import { and, eq } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import type { Ctx } from "../context";
import { notFound } from "../errors";
import { getWebhookEndpointRowOrThrow } from "./endpoints";
import { rotateWebhookSecretSchema, type RotateWebhookSecretInput } from "./schemas";
import { serializeWebhookEndpoint } from "./serialize";
import { generateWebhookSecret } from "./signing";

/**
 * Issues a new secret (returned once). For `grace_hours` the old secret keeps signing too, so receivers can
 * switch over without rejecting deliveries; 0 retires it at once.
 */
export async function rotateWebhookSecret(ctx: Ctx, id: string, input: RotateWebhookSecretInput = {}, executor: DbOrTx = db) {
  const params = rotateWebhookSecretSchema.parse(input);
  const current = await getWebhookEndpointRowOrThrow(ctx, id, executor);
  const now = new Date();
  const [row] = await executor
    .update(webhookEndpoints)
    .set({
      secret: generateWebhookSecret(),
      previousSecret: params.grace_hours > 0 ? current.secret : null,
      previousSecretExpiresAt: params.grace_hours > 0 ? new Date(now.getTime() + params.grace_hours * 3_600_000) : null,
      updatedAt: now,
    })
    // Compare-and-set: two concurrent rotations must not both keep the same "previous" secret.
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.organizationId, ctx.orgId), eq(webhookEndpoints.secret, current.secret)))
    .returning();
  if (!row) throw notFound("Webhook endpoint");
  return { ...serializeWebhookEndpoint(row), secret: row.secret };
}
