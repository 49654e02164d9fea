import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { sendMessage } from "@/lib/channels/send-message";
import { sendMessageSchema } from "@/lib/channels/send-message-schema";

export const POST = withApiKey(async ({ ctx, body }) => jsonResponse(await sendMessage(ctx, sendMessageSchema.parse(body)), 201), { keys: ["server"] });
