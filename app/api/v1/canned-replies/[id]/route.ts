import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { deleteApiCannedReply, updateApiCannedReply } from "@/lib/canned-replies/api-canned-replies";
import { getCannedReply } from "@/lib/canned-replies/render";
import { apiUpdateCannedReplySchema } from "@/lib/canned-replies/schemas";
import { serializeCannedReply } from "@/lib/canned-replies/serialize";

type Params = { id: string };

const handleGET = withApiKey<Params>(async ({ ctx, params }) => jsonResponse(serializeCannedReply(await getCannedReply(ctx, params.id))), { keys: ["server"] });

const handlePATCH = withApiKey<Params>(
  async ({ ctx, params, body }) => jsonResponse(await updateApiCannedReply(ctx, params.id, apiUpdateCannedReplySchema.parse(body))),
  { keys: ["server"] },
);

const handleDELETE = withApiKey<Params>(async ({ ctx, params }) => jsonResponse(await deleteApiCannedReply(ctx, params.id)), { keys: ["server"] });

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGET, PATCH: handlePATCH, DELETE: handleDELETE });
