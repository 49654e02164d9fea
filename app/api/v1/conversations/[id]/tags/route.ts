import { withApiKey } from "@/lib/api/with-api-key";
import { jsonResponse } from "@/lib/api/error-response";
import { addTagSchema } from "@/lib/conversations/schemas";
import { addTag } from "@/lib/conversations/tags";

export const POST = withApiKey<{ id: string }>(
  async ({ ctx, params, body }) => jsonResponse(await addTag(ctx, params.id, addTagSchema.parse(body).tag)),
  { keys: ["server"] },
);
