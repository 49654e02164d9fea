import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { v1UpdateUserSchema } from "@/lib/reference-api/schemas";
import { updateV1User } from "@/lib/reference-api/users";

// Server keys only, as /api/v1/users: an end user's profile is the organization's to change.
const handlePATCH = withApiKey<{ id: string }>(async ({ ctx, params, body }) => jsonResponse(await updateV1User(ctx, params.id, v1UpdateUserSchema.parse(body))), { keys: ["server"] });

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ PATCH: handlePATCH });
