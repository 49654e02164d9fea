import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { exportEndUser } from "@/lib/privacy/export";

// GDPR access request: everything stored about the end user, one JSON document.
const handleGET = withApiKey<{ id: string }>(async ({ ctx, params }) => jsonResponse(await exportEndUser(ctx, params.id)), { keys: ["server"] });

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGET });
