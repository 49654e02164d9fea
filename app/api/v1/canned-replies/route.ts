import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { paginated } from "@/lib/api/paginate";
import { withApiKey } from "@/lib/api/with-api-key";
import { createApiCannedReply } from "@/lib/canned-replies/api-canned-replies";
import { listCannedReplies } from "@/lib/canned-replies/manage-canned-replies";
import { apiCreateCannedReplySchema } from "@/lib/canned-replies/schemas";
import { serializeCannedReply } from "@/lib/canned-replies/serialize";
import { pageList } from "@/lib/pagination/page-list";

const handleGET = withApiKey(
  async ({ ctx, query, url }) => jsonResponse(paginated(url, pageList((await listCannedReplies(ctx)).map(serializeCannedReply), query))),
  { keys: ["server"] },
);

const handlePOST = withApiKey(async ({ ctx, body }) => jsonResponse(await createApiCannedReply(ctx, apiCreateCannedReplySchema.parse(body)), 201), {
  keys: ["server"],
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGET, POST: handlePOST });
