import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { deleteTag, patchTag, serializeTag } from "@/lib/tags/manage-tags";
import { apiUpdateTagSchema } from "@/lib/tags/schemas";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

type Params = { id: string };

const handlePATCH = withApiKey<Params>(async ({ ctx, params, body }) => jsonResponse(serializeTag(await patchTag(ctx, params.id, apiUpdateTagSchema.parse(body)))), {
  keys: ["server"],
});

const handleDELETE = withApiKey<Params>(
  async ({ ctx, params }) => {
    if (!isUuid(params.id)) throw notFound("Tag");
    return jsonResponse(await deleteTag(ctx, { id: params.id }));
  },
  { keys: ["server"] },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ PATCH: handlePATCH, DELETE: handleDELETE });
