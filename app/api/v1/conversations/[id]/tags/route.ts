import { apiRoute } from "@/lib/api/api-route";
import { withApiKey } from "@/lib/api/with-api-key";
import { jsonResponse } from "@/lib/api/error-response";
import { addTagSchema } from "@/lib/conversations/schemas";
import { addTag } from "@/lib/conversations/tags";

const handlePost = withApiKey<{ id: string }>(
  async ({ ctx, params, body }) => jsonResponse(await addTag(ctx, params.id, addTagSchema.parse(body).tag)),
  { keys: ["server"] },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ POST: handlePost });
