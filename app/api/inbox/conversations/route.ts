import { refuseOtherMethods } from "@/lib/api/api-route";
import { listInboxConversations } from "@/lib/inbox/list-conversations";
import { withAgent } from "@/lib/inbox/route";

export const dynamic = "force-dynamic";

export const GET = withAgent(async (request, session) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return Response.json(await listInboxConversations(session.ctx, session.agent.id, params));
});

// Other methods: a JSON 405 with Allow, never Next's empty one.
export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods("GET");
