import { and, eq, sql, type SQL } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { agents, conversationColumns, conversations, endUsers, teams } from "@/db/schema";
import { notFound } from "../errors";

const tagNames = sql<string[]>`coalesce((
  select array_agg(t.name order by t.name) from conversation_tags ct join tags t on t.id = ct.tag_id
  where ct.conversation_id = ${conversations.id}), '{}')`;

const conversationFields = {
  conversation: conversationColumns,
  requester: { id: endUsers.id, email: endUsers.email, firstName: endUsers.firstName, lastName: endUsers.lastName },
  assignee: { id: agents.id, email: agents.email, name: agents.name },
  team: { id: teams.id, name: teams.name },
  tags: tagNames,
};

/** The select every conversation read goes through: one round trip with requester, assignee, team and tags. */
export function selectConversationRows(executor: DbOrTx = db) {
  return executor
    .select(conversationFields)
    .from(conversations)
    .innerJoin(endUsers, eq(endUsers.id, conversations.requesterId))
    .leftJoin(agents, eq(agents.id, conversations.assigneeId))
    .leftJoin(teams, eq(teams.id, conversations.teamId));
}

export type ConversationRow = Awaited<ReturnType<ReturnType<typeof selectConversationRows>["execute"]>>[number];

export async function getConversationRowOrThrow(orgId: string, id: string, executor: DbOrTx = db, extra?: SQL) {
  const [row] = await selectConversationRows(executor)
    .where(and(eq(conversations.organizationId, orgId), eq(conversations.id, id), extra))
    .limit(1);
  if (!row) throw notFound("Conversation");
  return row;
}
