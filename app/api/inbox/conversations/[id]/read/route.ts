import { refuseOtherMethods } from "@/lib/api/api-route";
import { z } from "zod";
import { markConversationRead } from "@/lib/inbox/mark-read";
import { withAgent } from "@/lib/inbox/route";

export const POST = withAgent<{ id: string }>(async (_request, session, params) => {
  await markConversationRead(session.ctx, session.agent.id, z.uuid().parse(params.id));
  return new Response(null, { status: 204 });
});

// Other methods: a JSON 405 with Allow, never Next's empty one.
export const { GET, HEAD, PUT, PATCH, DELETE } = refuseOtherMethods("POST");
