import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { inboundEmailEnvelope, storeInboundEmail } from "@/lib/channels/inbound-http";
import { MAX_INBOUND_BYTES } from "@/lib/channels/receive-email";

// For mail relays (Postfix pipe, a provider's "raw MIME" webhook): the same receiveEmail the SMTP listener uses.
export const POST = withApiKey(
  async ({ ctx, request, raw }) => jsonResponse(await storeInboundEmail(ctx, raw, inboundEmailEnvelope(request)), 202),
  { keys: ["server"], rawBody: { maxBytes: MAX_INBOUND_BYTES } },
);
