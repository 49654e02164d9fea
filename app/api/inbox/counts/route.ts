import { refuseOtherMethods } from "@/lib/api/api-route";
import { withAgent } from "@/lib/inbox/route";
import { countInboxViewsCached } from "@/lib/inbox/cached-view-counts";

export const dynamic = "force-dynamic";

export const GET = withAgent(async (_request, session) => Response.json(await countInboxViewsCached(session.ctx, session.agent.id)));

// Other methods: a JSON 405 with Allow, never Next's empty one.
export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods("GET");
