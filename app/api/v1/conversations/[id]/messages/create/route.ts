import { withApiKey } from "@/lib/api/with-api-key";
import { jsonResponse } from "@/lib/api/error-response";
import { createMessage } from "@/lib/messages/create-message";
import { createMessageSchema } from "@/lib/messages/schemas";

export const POST = withApiKey<{ id: string }>(
  async ({ ctx, params, body }) => jsonResponse(await createMessage(ctx, params.id, createMessageSchema.parse(body)), 201),
  { keys: ["server", "client"] },
);
