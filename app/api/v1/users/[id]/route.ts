import { withApiKey } from "@/lib/api/with-api-key";
import { jsonResponse } from "@/lib/api/error-response";
import { getEndUser } from "@/lib/end-users/end-users";
import { updateEndUserSchema } from "@/lib/end-users/schemas";
import { updateEndUser } from "@/lib/end-users/update-end-user";

type Params = { id: string };

export const GET = withApiKey<Params>(async ({ ctx, params }) => jsonResponse(await getEndUser(ctx, params.id)), { keys: ["server"] });

export const PATCH = withApiKey<Params>(async ({ ctx, params, body }) => jsonResponse(await updateEndUser(ctx, params.id, updateEndUserSchema.parse(body))), {
  keys: ["server"],
});
