import { apiRoute } from "@/lib/api/api-route";
import { withApiKey } from "@/lib/api/with-api-key";
import { jsonResponse } from "@/lib/api/error-response";
import { rateConversation } from "@/lib/ratings/rate-conversation";
import { rateConversationSchema } from "@/lib/ratings/schemas";

const handlePost = withApiKey<{ id: string }>(
  async ({ ctx, params, body }) => jsonResponse(await rateConversation(ctx, params.id, rateConversationSchema.parse(body)), 201),
  { keys: ["server", "client"] },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ POST: handlePost });
