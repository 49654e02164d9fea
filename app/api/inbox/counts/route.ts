import { withAgent } from "@/lib/inbox/route";
import { countInboxViewsCached } from "@/lib/inbox/cached-view-counts";

export const dynamic = "force-dynamic";

export const GET = withAgent(async (_request, session) => Response.json(await countInboxViewsCached(session.ctx, session.agent.id)));
