import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { createChannel, listChannels } from "@/lib/channels/manage-channels";
import { createChannelSchema } from "@/lib/channels/schemas";

export const GET = withApiKey(async ({ ctx }) => jsonResponse(await listChannels(ctx)), { keys: ["server"] });

export const POST = withApiKey(async ({ ctx, body }) => jsonResponse(await createChannel(ctx, createChannelSchema.parse(body)), 201), { keys: ["server"] });
