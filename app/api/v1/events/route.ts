import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { listEvents, listEventsSchema } from "@/lib/events/feed";

export const GET = withApiKey(async ({ ctx, query }) => jsonResponse(await listEvents(ctx, listEventsSchema.parse(query))), { keys: ["server"] });
