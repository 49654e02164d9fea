import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { paginated } from "@/lib/api/paginate";
import { withApiKey } from "@/lib/api/with-api-key";
import { pageList } from "@/lib/pagination/page-list";
import { createApiTeam, listApiTeams } from "@/lib/teams/api-teams";
import { apiTeamSchema } from "@/lib/teams/schemas";

const handleGET = withApiKey(async ({ ctx, query, url }) => jsonResponse(paginated(url, pageList(await listApiTeams(ctx), query))), { keys: ["server"] });

const handlePOST = withApiKey(async ({ ctx, body }) => jsonResponse(await createApiTeam(ctx, apiTeamSchema.parse(body)), 201), { keys: ["server"] });

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGET, POST: handlePOST });
