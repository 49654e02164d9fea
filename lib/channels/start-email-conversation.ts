import { z } from "zod";
import { rows, sql } from "@/db/client";
import { emailSchema } from "../agents/schemas";
import { messageBodySchema } from "../conversations/schemas";
import type { Ctx } from "../context";
import { sendMessage } from "./send-message";

export const newEmailConversationSchema = z.strictObject({
  to: emailSchema,
  subject: z.string().trim().min(1, "subject is required").max(500),
  body: messageBodySchema,
});

/** The inbox's "New email": send-message on the email channel, written by the signed-in agent. */
export async function startEmailConversation(ctx: Ctx, input: unknown) {
  const params = newEmailConversationSchema.parse(input);
  const sent = await sendMessage(ctx, { recipient_id: params.to, channel: "email", subject: params.subject, text: params.body });
  const [row] = await rows<{ number: number }>(sql`select number from conversations where id = ${sent.conversation_id} and organization_id = ${ctx.orgId}`);
  return { ...sent, number: row!.number };
}
