import { z } from "zod";
import { markConversationRead } from "@/lib/inbox/mark-read";
import { withAgent } from "@/lib/inbox/route";

export const POST = withAgent<{ id: string }>(async (_request, session, params) => {
  await markConversationRead(session.ctx, session.agent.id, z.uuid().parse(params.id));
  return new Response(null, { status: 204 });
});
