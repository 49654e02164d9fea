import type { AgentSession } from "../auth/agent-session";
import { ApiError } from "../errors";
import { bulkActionSchema } from "./action-schemas";
import { runConversationAction } from "./run-action";

/**
 * Applies one action to many conversations, each in its own transaction (as if done one by one), and
 * reports which failed and why instead of stopping at the first refusal.
 */
export async function runBulkAction(session: AgentSession, input: unknown) {
  const { ids, change } = bulkActionSchema.parse(input);
  const failed: { id: string; message: string }[] = [];
  for (const id of ids) {
    try {
      await runConversationAction(session, id, change);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      failed.push({ id, message: error.message });
    }
  }
  return { succeeded: ids.length - failed.length, failed };
}
