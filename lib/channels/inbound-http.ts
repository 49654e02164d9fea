import type { Ctx } from "../context";
import { ApiError, invalid } from "../errors";
import { receiveMail, type Envelope } from "./receive-email";

/** Optional envelope from the relay: `X-Envelope-To` (comma-separated) and `X-Envelope-From`. */
export function inboundEmailEnvelope(request: Request): Envelope & { contentType: string } {
  const to = request.headers.get("x-envelope-to");
  return {
    contentType: (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase(),
    to: to ? to.split(",").map((a) => a.trim()).filter(Boolean) : undefined,
    from: request.headers.get("x-envelope-from"),
  };
}

/** 202 with what happened; a mail for no channel of this organization is a 422, never silently dropped. */
export async function storeInboundEmail(ctx: Ctx, raw: Buffer, envelope: ReturnType<typeof inboundEmailEnvelope>) {
  if (envelope.contentType !== "message/rfc822") throw invalid("Content-Type must be message/rfc822 (the raw message)");
  if (!raw.length) throw invalid("The request body must be the raw message");
  const { delivered, verified } = await receiveMail(raw, envelope, { organizationId: ctx.orgId });
  const [outcome] = delivered;
  // The channel's own verification mail, forwarded back: it verified the channel and starts no conversation.
  if (!outcome && verified[0]) return { status: "verified" as const, conversation_id: null, message_id: null, channel_id: verified[0].id };
  if (!outcome) throw new ApiError("channel_not_configured", "No recipient of this mail is an email channel of this organization");
  return {
    status: outcome.status,
    conversation_id: outcome.conversationId,
    message_id: outcome.status === "stored" ? outcome.messageId : null,
  };
}
