import { apiRoute } from "@/lib/api/api-route";
import { withApiKey } from "@/lib/api/with-api-key";
import { jsonResponse } from "@/lib/api/error-response";
import { removeTag } from "@/lib/conversations/tags";

const handleDelete = withApiKey<{ id: string; tag: string }>(
  async ({ ctx, params }) => jsonResponse(await removeTag(ctx, params.id, params.tag)),
  { keys: ["server"] },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ DELETE: handleDelete });
