import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { inboundEmailEnvelope, storeInboundEmail } from "@/lib/channels/inbound-http";
import { MAX_INBOUND_BYTES } from "@/lib/channels/receive-email";

// For mail relays (Postfix pipe, a provider's "raw MIME" webhook): the same receiveEmail the SMTP listener uses.
const handlePOST = withApiKey(
  async ({ ctx, request, raw }) => jsonResponse(await storeInboundEmail(ctx, raw, inboundEmailEnvelope(request)), 202),
  { keys: ["server"], rawBody: { maxBytes: MAX_INBOUND_BYTES } },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ POST: handlePOST });
