import { refuseOtherMethods } from "@/lib/api/api-route";
import { readRawBody } from "@/lib/api/read-body";
import { MAX_UPLOAD_BODY_BYTES, uploadAttachment } from "@/lib/attachments/upload";
import { withAgent } from "@/lib/inbox/route";

// The composer's drag-and-drop and paste: the same upload as the API, for the signed-in agent's organization.
export const POST = withAgent(async (request, session) => {
  const body = await readRawBody(request, MAX_UPLOAD_BODY_BYTES);
  return Response.json(await uploadAttachment(session.ctx, body, request.headers.get("content-type") ?? "", new URL(request.url).origin), { status: 201 });
});

// Other methods: a JSON 405 with Allow, never Next's empty one.
export const { GET, HEAD, PUT, PATCH, DELETE } = refuseOtherMethods("POST");
