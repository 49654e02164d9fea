import { apiRoute } from "@/lib/api/api-route";
import { withApiKey } from "@/lib/api/with-api-key";
import { jsonResponse } from "@/lib/api/error-response";
import { snoozeConversation } from "@/lib/conversations/resolve-conversation";
import { snoozeConversationSchema } from "@/lib/conversations/schemas";

const handlePost = withApiKey<{ id: string }>(
  async ({ ctx, params, body }) => {
    const { until } = snoozeConversationSchema.parse(body);
    return jsonResponse(await snoozeConversation(ctx, params.id, { until: new Date(until) }));
  },
  { keys: ["server"] },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ POST: handlePost });
