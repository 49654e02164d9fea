import { and, desc, eq, ne } from "drizzle-orm";
import { db } from "@/db/client";
import { conversations, endUsers } from "@/db/schema";
import type { Ctx } from "../context";
import { notFound } from "../errors";

/** The requester's profile and their other recent conversations, for the details panel. */
export async function getRequesterProfile(ctx: Ctx, endUserId: string, exceptConversationId: string) {
  const [user] = await db
    .select()
    .from(endUsers)
    .where(and(eq(endUsers.organizationId, ctx.orgId), eq(endUsers.id, endUserId)))
    .limit(1);
  if (!user) throw notFound("End user");
  const others = await db
    .select({ id: conversations.id, number: conversations.number, subject: conversations.subject, status: conversations.status, createdAt: conversations.createdAt })
    .from(conversations)
    .where(and(eq(conversations.organizationId, ctx.orgId), eq(conversations.requesterId, endUserId), ne(conversations.id, exceptConversationId)))
    .orderBy(desc(conversations.createdAt))
    .limit(10);
  return {
    id: user.id,
    email: user.email,
    first_name: user.firstName,
    last_name: user.lastName,
    external_id: user.externalId,
    is_anonymous: user.isAnonymous,
    unverified_email: user.unverifiedEmail,
    custom_attributes: user.customAttributes,
    created_at: user.createdAt.toISOString(),
    other_conversations: others.map((o) => ({ ...o, createdAt: o.createdAt.toISOString() })),
  };
}
export type RequesterProfile = Awaited<ReturnType<typeof getRequesterProfile>>;
