import { refuseOtherMethods } from "@/lib/api/api-route";
import { z } from "zod";
import { readJson, withAgent } from "@/lib/inbox/route";
import { runConversationAction } from "@/lib/inbox/run-action";

export const POST = withAgent<{ id: string }>(async (request, session, params) =>
  Response.json(await runConversationAction(session, z.uuid().parse(params.id), await readJson(request))),
);

// Other methods: a JSON 405 with Allow, never Next's empty one.
export const { GET, HEAD, PUT, PATCH, DELETE } = refuseOtherMethods("POST");
