import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { resendVerification } from "@/lib/channels/verify-channel";

const handlePOST = withApiKey<{ id: string }>(async ({ ctx, params }) => jsonResponse(await resendVerification(ctx, params.id)), { keys: ["server"] });

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ POST: handlePOST });
