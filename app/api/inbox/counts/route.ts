import { withAgent } from "@/lib/inbox/route";
import { countInboxViews } from "@/lib/inbox/view-counts";

export const dynamic = "force-dynamic";

export const GET = withAgent(async (_request, session) => Response.json(await countInboxViews(session.ctx, session.agent.id)));
