import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { deleteApiTeam, getApiTeam, renameApiTeam } from "@/lib/teams/api-teams";
import { apiTeamSchema } from "@/lib/teams/schemas";

type Params = { id: string };

const handleGET = withApiKey<Params>(async ({ ctx, params }) => jsonResponse(await getApiTeam(ctx, params.id)), { keys: ["server"] });

const handlePATCH = withApiKey<Params>(async ({ ctx, params, body }) => jsonResponse(await renameApiTeam(ctx, params.id, apiTeamSchema.parse(body))), { keys: ["server"] });

const handleDELETE = withApiKey<Params>(async ({ ctx, params }) => jsonResponse(await deleteApiTeam(ctx, params.id)), { keys: ["server"] });

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGET, PATCH: handlePATCH, DELETE: handleDELETE });
