import { refuseOtherMethods } from "@/lib/api/api-route";
import { readJson, withAgent } from "@/lib/inbox/route";
import { startEmailConversation } from "@/lib/channels/start-email-conversation";

// An agent starts an outbound email conversation; the mail is queued with the message and sent as the agent.
export const POST = withAgent(async (request, session) => Response.json(await startEmailConversation(session.ctx, await readJson(request)), { status: 201 }));

// Other methods: a JSON 405 with Allow, never Next's empty one.
export const { GET, HEAD, PUT, PATCH, DELETE } = refuseOtherMethods("POST");
