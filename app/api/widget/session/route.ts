import { refuseOtherMethods } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { widgetProfileSchema } from "@/lib/widget/schemas";
import { startWidgetSession } from "@/lib/widget/session";

// The messenger calls this on start and after every identify(): the wrapper has verified user_hash / user_jwt
// (401 otherwise); a verified request that also carries the anonymous token adopts that visitor's conversations.
export const POST = withApiKey(
  async ({ ctx, body, request }) => {
    const profile = widgetProfileSchema.parse(body);
    const result = await startWidgetSession(ctx, { anonymousToken: request.headers.get("x-dexra-user-token") ?? undefined, profile });
    return jsonResponse(result);
  },
  { keys: ["client"], anonymous: true },
);

// Other methods: a JSON 405 with Allow, never Next's empty one.
export const { GET, HEAD, PUT, PATCH, DELETE } = refuseOtherMethods("POST");
