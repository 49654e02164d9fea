import { jsonResponse } from "@/lib/api/error-response";
import { paginated } from "@/lib/api/paginate";
import { withApiKey } from "@/lib/api/with-api-key";
import { listApiDefinitions, listDefinitionsQuerySchema } from "@/lib/custom-attributes/api-attributes";
import { pageList } from "@/lib/pagination/page-list";

export const GET = withApiKey(
  async ({ ctx, query, url }) => {
    const { entity, ...page } = listDefinitionsQuerySchema.parse(query);
    return jsonResponse(paginated(url, pageList(await listApiDefinitions(ctx, entity), page)));
  },
  { keys: ["server"] },
);
