import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { sendMessage } from "@/lib/channels/send-message";
import { sendMessageSchema } from "@/lib/channels/send-message-schema";

const handlePOST = withApiKey(async ({ ctx, body }) => jsonResponse(await sendMessage(ctx, sendMessageSchema.parse(body)), 201), { keys: ["server"] });

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ POST: handlePOST });
