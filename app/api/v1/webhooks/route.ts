import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { createWebhookSchema } from "@/lib/webhooks/schemas";

export const GET = withApiKey(async ({ ctx }) => jsonResponse(await listWebhookEndpoints(ctx)), { keys: ["server"] });

export const POST = withApiKey(async ({ ctx, body }) => jsonResponse(await createWebhookEndpoint(ctx, createWebhookSchema.parse(body)), 201), {
  keys: ["server"],
});
