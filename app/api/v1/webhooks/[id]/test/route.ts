import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { sendWebhookTestEvent } from "@/lib/webhooks/send-test-event";

const handlePost = withApiKey<{ id: string }>(async ({ ctx, params }) => jsonResponse(await sendWebhookTestEvent(ctx, params.id), 202), {
  keys: ["server"],
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ POST: handlePost });
