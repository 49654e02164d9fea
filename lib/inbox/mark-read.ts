import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import type { Ctx } from "../context";

/** Records that the agent has seen the conversation up to now; its unread marker clears. */
export async function markConversationRead(ctx: Ctx, agentId: string, conversationId: string) {
  await db.execute(sql`
    insert into conversation_reads (organization_id, agent_id, conversation_id, last_read_at)
    select c.organization_id, ${agentId}, c.id, now() from conversations c
    where c.id = ${conversationId} and c.organization_id = ${ctx.orgId}
    on conflict (agent_id, conversation_id) do update set last_read_at = excluded.last_read_at`);
}
