import { jsonResponse } from "@/lib/api/error-response";
import { paginated } from "@/lib/api/paginate";
import { withApiKey } from "@/lib/api/with-api-key";
import { createApiCannedReply } from "@/lib/canned-replies/api-canned-replies";
import { listCannedReplies } from "@/lib/canned-replies/manage-canned-replies";
import { apiCreateCannedReplySchema } from "@/lib/canned-replies/schemas";
import { serializeCannedReply } from "@/lib/canned-replies/serialize";
import { pageList } from "@/lib/pagination/page-list";

export const GET = withApiKey(
  async ({ ctx, query, url }) => jsonResponse(paginated(url, pageList((await listCannedReplies(ctx)).map(serializeCannedReply), query))),
  { keys: ["server"] },
);

export const POST = withApiKey(async ({ ctx, body }) => jsonResponse(await createApiCannedReply(ctx, apiCreateCannedReplySchema.parse(body)), 201), {
  keys: ["server"],
});
