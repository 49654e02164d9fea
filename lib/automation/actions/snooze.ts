import type { Ctx } from "../../context";
import { snoozeConversation } from "../../conversations/resolve-conversation";

/** Snoozes for `minutes` from now; the snooze timer reopens it as for any snooze. */
export async function snooze(ctx: Ctx, conversationId: string, minutes: number, now = Date.now()) {
  const until = new Date(now + minutes * 60_000);
  await snoozeConversation(ctx, conversationId, { until });
  return `snoozed it until ${until.toISOString()}`;
}
