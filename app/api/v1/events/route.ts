import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { listEvents, listEventsSchema } from "@/lib/events/feed";

const handleGet = withApiKey(async ({ ctx, query }) => jsonResponse(await listEvents(ctx, listEventsSchema.parse(query))), { keys: ["server"] });

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGet });
