import { withApiKey } from "@/lib/api/with-api-key";
import { jsonResponse } from "@/lib/api/error-response";
import { listMessages } from "@/lib/messages/list-messages";

export const GET = withApiKey<{ id: string }>(async ({ ctx, params }) => jsonResponse(await listMessages(ctx, params.id)), {
  keys: ["server", "client"],
});
