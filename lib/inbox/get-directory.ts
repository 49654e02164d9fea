import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { agents, cannedReplies, customAttributeDefinitions, tags, teams } from "@/db/schema";
import type { Ctx } from "../context";
import { liveOrgOf } from "../organizations/live-org";

/** What the inbox's pickers need, loaded once: agents, teams, tags, attribute definitions, canned replies. */
export async function getInboxDirectory(ctx: Ctx, agentId: string) {
  const org = ctx.orgId;
  // Agents and teams belong to the live organization; its sandbox shares them.
  const staff = liveOrgOf(org);
  const [agentRows, teamRows, tagRows, definitions, canned] = await Promise.all([
    db
      .select({ id: agents.id, name: agents.name, email: agents.email })
      .from(agents)
      .where(and(sql`${agents.organizationId} = ${staff}`, isNull(agents.deactivatedAt)))
      .orderBy(asc(agents.name)),
    db.select({ id: teams.id, name: teams.name }).from(teams).where(sql`${teams.organizationId} = ${staff}`).orderBy(asc(teams.name)),
    db.select({ id: tags.id, name: tags.name, color: tags.color }).from(tags).where(eq(tags.organizationId, org)).orderBy(sql`lower(${tags.name})`),
    db
      .select({
        entity: customAttributeDefinitions.entity,
        key: customAttributeDefinitions.key,
        label: customAttributeDefinitions.label,
        type: customAttributeDefinitions.type,
        options: customAttributeDefinitions.options,
        required: customAttributeDefinitions.required,
      })
      .from(customAttributeDefinitions)
      .where(eq(customAttributeDefinitions.organizationId, org))
      .orderBy(asc(customAttributeDefinitions.label)),
    db
      .select({ id: cannedReplies.id, title: cannedReplies.title, shortcut: cannedReplies.shortcut, body: cannedReplies.body })
      .from(cannedReplies)
      .where(and(eq(cannedReplies.organizationId, org), or(isNull(cannedReplies.ownerAgentId), eq(cannedReplies.ownerAgentId, agentId))))
      .orderBy(asc(cannedReplies.shortcut)),
  ]);
  return { agents: agentRows, teams: teamRows, tags: tagRows, attributeDefinitions: definitions, cannedReplies: canned };
}
export type InboxDirectory = Awaited<ReturnType<typeof getInboxDirectory>>;
