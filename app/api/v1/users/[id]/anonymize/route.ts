import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { anonymizeEndUser } from "@/lib/privacy/anonymize";
import { anonymizeSchema } from "@/lib/privacy/schemas";

// GDPR erasure (as Dixa): irreversible; done by the time it answers.
const handlePOST = withApiKey<{ id: string }>(async ({ ctx, params, body }) => jsonResponse(await anonymizeEndUser(ctx, params.id, anonymizeSchema.parse(body)), 202), {
  keys: ["server"],
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ POST: handlePOST });
