import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { setConversationAttributes, setConversationAttributesSchema } from "@/lib/custom-attributes/api-attributes";

// Dixa's shape: {<definition id or key>: value} → {data: [{id, key, label, value}]}.
const handlePATCH = withApiKey<{ id: string }>(
  async ({ ctx, params, body }) => jsonResponse(await setConversationAttributes(ctx, params.id, setConversationAttributesSchema.parse(body))),
  { keys: ["server"] },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ PATCH: handlePATCH });
