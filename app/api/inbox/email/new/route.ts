import { readJson, withAgent } from "@/lib/inbox/route";
import { startEmailConversation } from "@/lib/channels/start-email-conversation";

// An agent starts an outbound email conversation; the mail is queued with the message and sent as the agent.
export const POST = withAgent(async (request, session) => Response.json(await startEmailConversation(session.ctx, await readJson(request)), { status: 201 }));
