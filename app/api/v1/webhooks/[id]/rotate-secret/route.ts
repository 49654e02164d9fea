import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";
import { rotateWebhookSecretSchema } from "@/lib/webhooks/schemas";

const handlePost = withApiKey<{ id: string }>(
  async ({ ctx, params, body }) => jsonResponse(await rotateWebhookSecret(ctx, params.id, rotateWebhookSecretSchema.parse(body))),
  { keys: ["server"] },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ POST: handlePost });
