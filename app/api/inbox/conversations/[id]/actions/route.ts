import { z } from "zod";
import { readJson, withAgent } from "@/lib/inbox/route";
import { runConversationAction } from "@/lib/inbox/run-action";

export const POST = withAgent<{ id: string }>(async (request, session, params) =>
  Response.json(await runConversationAction(session, z.uuid().parse(params.id), await readJson(request))),
);
