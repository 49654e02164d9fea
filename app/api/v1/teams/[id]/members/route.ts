import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { setApiTeamMembers } from "@/lib/teams/api-teams";
import { apiTeamMembersSchema } from "@/lib/teams/schemas";

// Replaces the member list.
const handlePUT = withApiKey<{ id: string }>(
  async ({ ctx, params, body }) => jsonResponse(await setApiTeamMembers(ctx, params.id, apiTeamMembersSchema.parse(body))),
  { keys: ["server"] },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ PUT: handlePUT });
