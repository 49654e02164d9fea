import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { deleteApiCannedReply, updateApiCannedReply } from "@/lib/canned-replies/api-canned-replies";
import { getCannedReply } from "@/lib/canned-replies/render";
import { apiUpdateCannedReplySchema } from "@/lib/canned-replies/schemas";
import { serializeCannedReply } from "@/lib/canned-replies/serialize";

type Params = { id: string };

export const GET = withApiKey<Params>(async ({ ctx, params }) => jsonResponse(serializeCannedReply(await getCannedReply(ctx, params.id))), { keys: ["server"] });

export const PATCH = withApiKey<Params>(
  async ({ ctx, params, body }) => jsonResponse(await updateApiCannedReply(ctx, params.id, apiUpdateCannedReplySchema.parse(body))),
  { keys: ["server"] },
);

export const DELETE = withApiKey<Params>(async ({ ctx, params }) => jsonResponse(await deleteApiCannedReply(ctx, params.id)), { keys: ["server"] });
