import { withApiKey } from "@/lib/api/with-api-key";
import { jsonResponse } from "@/lib/api/error-response";
import { snoozeConversation } from "@/lib/conversations/resolve-conversation";
import { snoozeConversationSchema } from "@/lib/conversations/schemas";

export const POST = withApiKey<{ id: string }>(
  async ({ ctx, params, body }) => {
    const { until } = snoozeConversationSchema.parse(body);
    return jsonResponse(await snoozeConversation(ctx, params.id, { until: new Date(until) }));
  },
  { keys: ["server"] },
);
