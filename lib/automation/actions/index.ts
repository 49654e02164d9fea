import type { Ctx } from "../../context";
import type { Action } from "../schemas";
import { addTags } from "./add-tags";
import { assignAgent } from "./assign-agent";
import { assignTeam } from "./assign-team";
import { callWebhook } from "./call-webhook";
import { resolve } from "./resolve";
import { roundRobin } from "./round-robin";
import { sendCannedReply } from "./send-canned-reply";
import { setPriority } from "./set-priority";
import { snooze } from "./snooze";

export type RunContext = { ctx: Ctx; conversationId: string; rule: { id: string; name: string }; event: string };

/** Runs one action (one module each) and returns how the activity log words it. */
export function runAction({ ctx, conversationId, rule, event }: RunContext, action: Action): Promise<string> {
  switch (action.type) {
    case "assign_team":
      return assignTeam(ctx, conversationId, action.team_id);
    case "assign_agent":
      return assignAgent(ctx, conversationId, action.agent_id);
    case "round_robin":
      return roundRobin(ctx, conversationId, action);
    case "add_tags":
      return addTags(ctx, conversationId, action.tags);
    case "set_priority":
      return setPriority(ctx, conversationId, action.priority);
    case "send_canned_reply":
      return sendCannedReply(ctx, conversationId, action.canned_reply_id);
    case "snooze":
      return snooze(ctx, conversationId, action.minutes);
    case "resolve":
      return resolve(ctx, conversationId);
    case "call_webhook":
      return callWebhook(ctx, conversationId, action.url, rule, event);
  }
}
