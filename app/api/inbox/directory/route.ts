import { refuseOtherMethods } from "@/lib/api/api-route";
import { getInboxDirectory } from "@/lib/inbox/get-directory";
import { withAgent } from "@/lib/inbox/route";

export const dynamic = "force-dynamic";

export const GET = withAgent(async (_request, session) => Response.json(await getInboxDirectory(session.ctx, session.agent.id)));

// Other methods: a JSON 405 with Allow, never Next's empty one.
export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods("GET");
