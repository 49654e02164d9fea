import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { verifyChannel } from "@/lib/channels/verify-channel";

const handlePOST = withApiKey<{ id: string }>(async ({ ctx, params, body }) => jsonResponse(await verifyChannel(ctx, params.id, body)), { keys: ["server"] });

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ POST: handlePOST });
