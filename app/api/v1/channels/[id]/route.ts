import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { deleteChannel } from "@/lib/channels/manage-channels";

export const DELETE = withApiKey<{ id: string }>(async ({ ctx, params }) => jsonResponse(await deleteChannel(ctx, params.id)), { keys: ["server"] });
