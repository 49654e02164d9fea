import { refuseOtherMethods } from "@/lib/api/api-route";
import { z } from "zod";
import { messageBodySchema } from "@/lib/conversations/schemas";
import { readJson, withAgent } from "@/lib/inbox/route";
import { thenStatusSchema } from "@/lib/inbox/schemas";
import { createMessage } from "@/lib/messages/create-message";
import { messageTypeSchema } from "@/lib/messages/schemas";

const composerSchema = z.strictObject({ body: messageBodySchema, message_type: messageTypeSchema, attachment_ids: z.array(z.uuid()).max(10).optional(), then_status: thenStatusSchema.optional() });

// The agent always sends as themselves: the sender is the session's agent, never a field of the body.
export const POST = withAgent<{ id: string }>(async (request, session, params) => {
  const input = composerSchema.parse(await readJson(request));
  const { then_status: thenStatus, ...fields } = input;
  const message = await createMessage(session.ctx, z.uuid().parse(params.id), { ...fields, user_email: session.agent.email.toLowerCase() }, { thenStatus });
  return Response.json(message, { status: 201 });
});

// Other methods: a JSON 405 with Allow, never Next's empty one.
export const { GET, HEAD, PUT, PATCH, DELETE } = refuseOtherMethods("POST");
