import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { deleteApiTeam, getApiTeam, renameApiTeam } from "@/lib/teams/api-teams";
import { apiTeamSchema } from "@/lib/teams/schemas";

type Params = { id: string };

export const GET = withApiKey<Params>(async ({ ctx, params }) => jsonResponse(await getApiTeam(ctx, params.id)), { keys: ["server"] });

export const PATCH = withApiKey<Params>(async ({ ctx, params, body }) => jsonResponse(await renameApiTeam(ctx, params.id, apiTeamSchema.parse(body))), { keys: ["server"] });

export const DELETE = withApiKey<Params>(async ({ ctx, params }) => jsonResponse(await deleteApiTeam(ctx, params.id)), { keys: ["server"] });
