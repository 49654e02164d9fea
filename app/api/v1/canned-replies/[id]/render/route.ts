import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { renderCannedReplyFor } from "@/lib/canned-replies/render";
import { renderCannedReplySchema } from "@/lib/canned-replies/schemas";

const handlePOST = withApiKey<{ id: string }>(
  async ({ ctx, params, body }) => jsonResponse(await renderCannedReplyFor(ctx, params.id, renderCannedReplySchema.parse(body).conversation_id)),
  { keys: ["server"] },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ POST: handlePOST });
