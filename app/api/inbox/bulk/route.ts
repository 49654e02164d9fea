import { refuseOtherMethods } from "@/lib/api/api-route";
import { readJson, withAgent } from "@/lib/inbox/route";
import { runBulkAction } from "@/lib/inbox/run-bulk-action";

export const POST = withAgent(async (request, session) => Response.json(await runBulkAction(session, await readJson(request))));

// Other methods: a JSON 405 with Allow, never Next's empty one.
export const { GET, HEAD, PUT, PATCH, DELETE } = refuseOtherMethods("POST");
