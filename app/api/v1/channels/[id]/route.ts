import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { deleteChannel } from "@/lib/channels/manage-channels";

const handleDELETE = withApiKey<{ id: string }>(async ({ ctx, params }) => jsonResponse(await deleteChannel(ctx, params.id)), { keys: ["server"] });

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ DELETE: handleDELETE });
