import { refuseOtherMethods } from "@/lib/api/api-route";
import { z } from "zod";
import { readJson, withAgent } from "@/lib/inbox/route";
import { publishPresence } from "@/lib/live/publish-presence";

const presenceSchema = z.strictObject({ conversation_id: z.uuid(), state: z.enum(["viewing", "typing", "left"]) });

export const POST = withAgent(async (request, session) => {
  const input = presenceSchema.parse(await readJson(request));
  await publishPresence(session.ctx, session.agent, input.conversation_id, input.state);
  return new Response(null, { status: 204 });
});

// Other methods: a JSON 405 with Allow, never Next's empty one.
export const { GET, HEAD, PUT, PATCH, DELETE } = refuseOtherMethods("POST");
