import { apiRoute } from "@/lib/api/api-route";
import { withApiKey } from "@/lib/api/with-api-key";
import { jsonResponse } from "@/lib/api/error-response";
import { paginated } from "@/lib/api/paginate";
import { listConversations } from "@/lib/conversations/list-conversations";
import { listConversationsQuerySchema } from "@/lib/conversations/schemas";

const handleGet = withApiKey(
  async ({ ctx, query, url }) => jsonResponse(paginated(url, await listConversations(ctx, listConversationsQuerySchema.parse(query)))),
  { keys: ["server", "client"] },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGet });
