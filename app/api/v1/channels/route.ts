import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { createChannel, listChannels } from "@/lib/channels/manage-channels";
import { createChannelSchema } from "@/lib/channels/schemas";

const handleGET = withApiKey(async ({ ctx }) => jsonResponse(await listChannels(ctx)), { keys: ["server"] });

const handlePOST = withApiKey(async ({ ctx, body }) => jsonResponse(await createChannel(ctx, createChannelSchema.parse(body)), 201), { keys: ["server"] });

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGET, POST: handlePOST });
