import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { paginated } from "@/lib/api/paginate";
import { withApiKey } from "@/lib/api/with-api-key";
import { listApiDefinitions, listDefinitionsQuerySchema } from "@/lib/custom-attributes/api-attributes";
import { pageList } from "@/lib/pagination/page-list";

const handleGET = withApiKey(
  async ({ ctx, query, url }) => {
    const { entity, ...page } = listDefinitionsQuerySchema.parse(query);
    return jsonResponse(paginated(url, pageList(await listApiDefinitions(ctx, entity), page)));
  },
  { keys: ["server"] },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGET });
