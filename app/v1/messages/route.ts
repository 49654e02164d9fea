import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { sendV1Message } from "@/lib/reference-api/messages";
import { v1CreateMessageSchema } from "@/lib/reference-api/schemas";

const handlePOST = withApiKey(async ({ ctx, body }) => jsonResponse(await sendV1Message(ctx, v1CreateMessageSchema.parse(body)), 201), { keys: ["server", "client"] });

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ POST: handlePOST });
