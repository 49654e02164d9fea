import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { paginated } from "@/lib/api/paginate";
import { withApiKey } from "@/lib/api/with-api-key";
import { listApiAgents } from "@/lib/agents/api-agents";
import { pageList } from "@/lib/pagination/page-list";

const handleGET = withApiKey(async ({ ctx, query, url }) => jsonResponse(paginated(url, pageList(await listApiAgents(ctx), query))), { keys: ["server"] });

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGET });
