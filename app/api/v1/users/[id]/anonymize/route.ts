import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { anonymizeEndUser } from "@/lib/privacy/anonymize";
import { anonymizeSchema } from "@/lib/privacy/schemas";

// GDPR erasure (as Dixa): irreversible; done by the time it answers.
export const POST = withApiKey<{ id: string }>(async ({ ctx, params, body }) => jsonResponse(await anonymizeEndUser(ctx, params.id, anonymizeSchema.parse(body)), 202), {
  keys: ["server"],
});
