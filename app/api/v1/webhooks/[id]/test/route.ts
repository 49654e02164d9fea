import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { sendWebhookTestEvent } from "@/lib/webhooks/send-test-event";

export const POST = withApiKey<{ id: string }>(async ({ ctx, params }) => jsonResponse(await sendWebhookTestEvent(ctx, params.id), 202), {
  keys: ["server"],
});
