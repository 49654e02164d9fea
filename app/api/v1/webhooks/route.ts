import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { createWebhookSchema } from "@/lib/webhooks/schemas";

const handleGet = withApiKey(async ({ ctx }) => jsonResponse(await listWebhookEndpoints(ctx)), { keys: ["server"] });

const handlePost = withApiKey(async ({ ctx, body }) => jsonResponse(await createWebhookEndpoint(ctx, createWebhookSchema.parse(body)), 201), {
  keys: ["server"],
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGet, POST: handlePost });
