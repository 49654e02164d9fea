import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { deleteWebhookEndpoint, getWebhookEndpoint, updateWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { updateWebhookSchema } from "@/lib/webhooks/schemas";

type Params = { id: string };

export const GET = withApiKey<Params>(async ({ ctx, params }) => jsonResponse(await getWebhookEndpoint(ctx, params.id)), { keys: ["server"] });

export const PATCH = withApiKey<Params>(
  async ({ ctx, params, body }) => jsonResponse(await updateWebhookEndpoint(ctx, params.id, updateWebhookSchema.parse(body))),
  { keys: ["server"] },
);

export const DELETE = withApiKey<Params>(async ({ ctx, params }) => jsonResponse(await deleteWebhookEndpoint(ctx, params.id)), { keys: ["server"] });
