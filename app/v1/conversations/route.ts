import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { createV1Conversation, listV1Conversations } from "@/lib/reference-api/conversations";
import { v1CreateConversationSchema, v1ListConversationsQuerySchema } from "@/lib/reference-api/schemas";

// The Dexra reference API (seed dexra-api-reference.txt) at /v1: the same keys, errors, limits and scoping as /api/v1.
const handleGET = withApiKey(async ({ ctx, query }) => jsonResponse(await listV1Conversations(ctx, v1ListConversationsQuerySchema.parse(query))), { keys: ["server", "client"] });

const handlePOST = withApiKey(async ({ ctx, body }) => jsonResponse(await createV1Conversation(ctx, v1CreateConversationSchema.parse(body)), 201), { keys: ["server", "client"] });

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGET, POST: handlePOST });
