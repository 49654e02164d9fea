import type { Ctx } from "../context";
import { ApiError } from "../errors";
import { createMessage } from "../messages/create-message";
import { v1CreateMessageSchema, type V1CreateMessageInput } from "./schemas";

/**
 * `POST /v1/messages`: a server key writes as the organization's API identity (or as `user_email`, an agent),
 * a client key as its verified end user; a private note needs a server key.
 */
export async function sendV1Message(ctx: Ctx, input: V1CreateMessageInput) {
  const params = v1CreateMessageSchema.parse(input);
  const isServer = ctx.actor.type === "api_key" && ctx.actor.kind === "server";
  if (params.type === "private_note" && !isServer) throw new ApiError("forbidden", "A private note needs a server key");
  const message = await createMessage(
    ctx,
    params.conversation_id,
    { body: params.content, message_type: params.type === "private_note" ? "note" : "reply", user_email: isServer ? params.user_email : undefined },
    { asApi: true },
  );
  return { id: message.id, conversation_id: message.conversation_id, status: "sent" as const, timestamp: Math.floor(Date.parse(message.created_at) / 1000) };
}
