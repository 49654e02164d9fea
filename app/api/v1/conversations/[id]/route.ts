import { withApiKey } from "@/lib/api/with-api-key";
import { jsonResponse } from "@/lib/api/error-response";
import { getConversation } from "@/lib/conversations/scope";
import { updateConversationSchema } from "@/lib/conversations/schemas";
import { updateConversation } from "@/lib/conversations/update-conversation";

type Params = { id: string };

export const GET = withApiKey<Params>(async ({ ctx, params }) => jsonResponse(await getConversation(ctx, params.id)), {
  keys: ["server", "client"],
});

export const PATCH = withApiKey<Params>(async ({ ctx, params, body }) => jsonResponse(await updateConversation(ctx, params.id, updateConversationSchema.parse(body))), {
  keys: ["server"],
});
