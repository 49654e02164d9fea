import { apiRoute } from "@/lib/api/api-route";
import { clientAddress } from "@/lib/api/client-address";
import { jsonResponse } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { MAX_UPLOAD_BODY_BYTES, uploadAttachment } from "@/lib/attachments/upload";

const handlePOST = withApiKey(
  async ({ ctx, request, raw, url }) =>
    jsonResponse(await uploadAttachment(ctx, raw, request.headers.get("content-type") ?? "", url.origin, { clientAddress: clientAddress(request.headers) }), 201),
  { keys: ["server", "client"], rawBody: { maxBytes: MAX_UPLOAD_BODY_BYTES } },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ POST: handlePOST });
