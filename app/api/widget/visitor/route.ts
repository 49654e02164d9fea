import { refuseOtherMethods } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { startAnonymousVisitor } from "@/lib/widget/anonymous-visitor";
import { anonymousVisitorSchema } from "@/lib/widget/schemas";

// The messenger's first message with files: a visitor with no identity yet gets the anonymous end-user token
// (once, in X-Dexra-User-Token, as conversations/create hands it out) so the files can be uploaded as theirs.
export const POST = withApiKey(
  async ({ ctx, body }) => {
    const { first_name } = anonymousVisitorSchema.parse(body);
    const { visitor_id, token } = await startAnonymousVisitor(ctx, { firstName: first_name });
    return jsonResponse({ visitor_id }, token ? 201 : 200, token ? { "x-dexra-user-token": token } : {});
  },
  { keys: ["client"], anonymous: true },
);

export const { GET, HEAD, PUT, PATCH, DELETE } = refuseOtherMethods("POST");
