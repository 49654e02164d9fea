import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { paginated } from "@/lib/api/paginate";
import { withApiKey } from "@/lib/api/with-api-key";
import { listWebhookDeliveries } from "@/lib/webhooks/deliveries";
import { listDeliveriesSchema } from "@/lib/webhooks/schemas";

const handleGet = withApiKey<{ id: string }>(
  async ({ ctx, params, query, url }) => jsonResponse(paginated(url, await listWebhookDeliveries(ctx, params.id, listDeliveriesSchema.parse(query)))),
  { keys: ["server"] },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGet });
