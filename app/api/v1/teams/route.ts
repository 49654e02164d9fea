import { jsonResponse } from "@/lib/api/error-response";
import { paginated } from "@/lib/api/paginate";
import { withApiKey } from "@/lib/api/with-api-key";
import { pageList } from "@/lib/pagination/page-list";
import { createApiTeam, listApiTeams } from "@/lib/teams/api-teams";
import { apiTeamSchema } from "@/lib/teams/schemas";

export const GET = withApiKey(async ({ ctx, query, url }) => jsonResponse(paginated(url, pageList(await listApiTeams(ctx), query))), { keys: ["server"] });

export const POST = withApiKey(async ({ ctx, body }) => jsonResponse(await createApiTeam(ctx, apiTeamSchema.parse(body)), 201), { keys: ["server"] });
