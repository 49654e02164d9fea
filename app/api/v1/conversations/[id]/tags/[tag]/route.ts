import { withApiKey } from "@/lib/api/with-api-key";
import { jsonResponse } from "@/lib/api/error-response";
import { removeTag } from "@/lib/conversations/tags";

export const DELETE = withApiKey<{ id: string; tag: string }>(
  async ({ ctx, params }) => jsonResponse(await removeTag(ctx, params.id, params.tag)),
  { keys: ["server"] },
);
