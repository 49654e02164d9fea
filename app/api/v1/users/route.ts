import { apiRoute } from "@/lib/api/api-route";
import { withApiKey } from "@/lib/api/with-api-key";
import { jsonResponse } from "@/lib/api/error-response";
import { paginated } from "@/lib/api/paginate";
import { listEndUsers } from "@/lib/end-users/end-users";
import { listEndUsersQuerySchema } from "@/lib/end-users/schemas";

const handleGet = withApiKey(async ({ ctx, query, url }) => jsonResponse(paginated(url, await listEndUsers(ctx, listEndUsersQuerySchema.parse(query)))), {
  keys: ["server"],
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGet });
