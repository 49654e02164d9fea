import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { deleteWebhookEndpoint, getWebhookEndpoint, updateWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { updateWebhookSchema } from "@/lib/webhooks/schemas";

type Params = { id: string };

const handleGet = withApiKey<Params>(async ({ ctx, params }) => jsonResponse(await getWebhookEndpoint(ctx, params.id)), { keys: ["server"] });

const handlePatch = withApiKey<Params>(
  async ({ ctx, params, body }) => jsonResponse(await updateWebhookEndpoint(ctx, params.id, updateWebhookSchema.parse(body))),
  { keys: ["server"] },
);

const handleDelete = withApiKey<Params>(async ({ ctx, params }) => jsonResponse(await deleteWebhookEndpoint(ctx, params.id)), { keys: ["server"] });

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGet, PATCH: handlePatch, DELETE: handleDelete });
