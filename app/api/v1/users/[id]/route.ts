import { apiRoute } from "@/lib/api/api-route";
import { withApiKey } from "@/lib/api/with-api-key";
import { jsonResponse } from "@/lib/api/error-response";
import { getEndUser } from "@/lib/end-users/end-users";
import { updateEndUserSchema } from "@/lib/end-users/schemas";
import { updateEndUser } from "@/lib/end-users/update-end-user";

type Params = { id: string };

const handleGet = withApiKey<Params>(async ({ ctx, params }) => jsonResponse(await getEndUser(ctx, params.id)), { keys: ["server"] });

const handlePatch = withApiKey<Params>(async ({ ctx, params, body }) => jsonResponse(await updateEndUser(ctx, params.id, updateEndUserSchema.parse(body))), {
  keys: ["server"],
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGet, PATCH: handlePatch });
