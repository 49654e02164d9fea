import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { messageColumns, messages } from "@/db/schema";
import type { Ctx } from "../context";
import { getConversation } from "../conversations/scope";
import { endUserMessage, isEndUserCtx } from "../conversations/end-user-view";
import { messageEmailDetails } from "../channels/message-email-details";
import { listMessageButtons } from "../channels/send-message";
import { serializeMessage } from "./serialize";

/** A conversation's messages, oldest first; end users (client keys) never see private notes. */
export async function listMessages(ctx: Ctx, conversationId: string) {
  await getConversation(ctx, conversationId);
  const endUser = isEndUserCtx(ctx);
  const results = await db
    .select(messageColumns)
    .from(messages)
    .where(
      and(
        eq(messages.organizationId, ctx.orgId),
        eq(messages.conversationId, conversationId),
        endUser ? eq(messages.type, "reply") : undefined,
      ),
    )
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const ids = results.map((m) => m.id);
  const [{ email, files }, buttons] = await Promise.all([messageEmailDetails(ctx.orgId, ids), listMessageButtons(ctx.orgId, ids)]);
  const serialized = results.map((m) => ({
    ...serializeMessage(m),
    // Outbound email only: where the mail is (queued, sent, failed with the error); null otherwise.
    delivery_status: email.get(m.id)?.delivery_status ?? null,
    // The SMTP server's own words can name internal hosts: agents see them, end users do not.
    delivery_error: endUser ? null : (email.get(m.id)?.delivery_error ?? null),
    attachments: (files.get(m.id) ?? []).map(({ preview: _preview, ...file }) => file),
    // Quick replies (send-message `button`), for the widget to show under the message.
    buttons: buttons.get(m.id) ?? [],
  }));
  return { count: results.length, results: endUser ? serialized.map(endUserMessage) : serialized };
}
