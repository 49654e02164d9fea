import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { paginated } from "@/lib/api/paginate";
import { withApiKey } from "@/lib/api/with-api-key";
import { pageList } from "@/lib/pagination/page-list";
import { createTag, listTagsWithUsage, serializeTag } from "@/lib/tags/manage-tags";
import { apiCreateTagSchema } from "@/lib/tags/schemas";

const handleGET = withApiKey(async ({ ctx, query, url }) => jsonResponse(paginated(url, pageList((await listTagsWithUsage(ctx)).map(serializeTag), query))), {
  keys: ["server"],
});

const handlePOST = withApiKey(async ({ ctx, body }) => jsonResponse(serializeTag(await createTag(ctx, apiCreateTagSchema.parse(body))), 201), { keys: ["server"] });

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGET, POST: handlePOST });
