import { readJson, withAgent } from "@/lib/inbox/route";
import { runBulkAction } from "@/lib/inbox/run-bulk-action";

export const POST = withAgent(async (request, session) => Response.json(await runBulkAction(session, await readJson(request))));
