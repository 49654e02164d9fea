import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { getV1Conversation } from "@/lib/reference-api/conversations";

export const GET = withApiKey<{ id: string }>(async ({ ctx, params }) => jsonResponse(await getV1Conversation(ctx, params.id)), { keys: ["server", "client"] });
