import { apiRoute } from "@/lib/api/api-route";
import { withApiKey } from "@/lib/api/with-api-key";
import { jsonResponse } from "@/lib/api/error-response";
import { createMessage } from "@/lib/messages/create-message";
import { createMessageSchema } from "@/lib/messages/schemas";

const handlePost = withApiKey<{ id: string }>(
  async ({ ctx, params, body }) => jsonResponse(await createMessage(ctx, params.id, createMessageSchema.parse(body)), 201),
  { keys: ["server", "client"] },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ POST: handlePost });
