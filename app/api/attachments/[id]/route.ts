import { refuseOtherMethods } from "@/lib/api/api-route";
import { errorResponse } from "@/lib/api/error-response";
import { downloadAttachment } from "@/lib/attachments/download";

// No key: the signed, expiring URL is the credential (mail clients, <img> tags and browsers have no API key).
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    return await downloadAttachment((await params).id, new URL(request.url));
  } catch (error) {
    return errorResponse(error, crypto.randomUUID());
  }
}

// Other methods: a JSON 405 with Allow, never Next's empty one.
export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods("GET");
