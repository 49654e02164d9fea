import { and, asc, eq, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { channels, type Channel } from "@/db/schema";
import type { Ctx } from "../context";
import { ApiError, notFound } from "../errors";
import { isUuid } from "../ids";
import { createChannelSchema, type CreateChannelInput } from "./schemas";

/** The first channel created is the organization's default (send-message and new outbound mail use it). */
export function serializeChannel(channel: Channel, defaultId: string | null) {
  return {
    id: channel.id,
    type: channel.type,
    address: channel.address,
    name: channel.name,
    is_default: channel.id === defaultId,
    created_at: channel.createdAt.toISOString(),
  };
}
export type ChannelJson = ReturnType<typeof serializeChannel>;

export async function createChannel(ctx: Ctx, input: CreateChannelInput) {
  const params = createChannelSchema.parse(input);
  const [row] = await db
    .insert(channels)
    .values({ organizationId: ctx.orgId, type: params.type, address: params.address, name: params.name })
    .onConflictDoNothing()
    .returning();
  // Addresses route mail to one organization, so one already in use anywhere is a conflict (no detail leaks whose).
  if (!row) throw new ApiError("conflict", `${params.address} is already used by a channel`);
  const first = await listChannelRows(ctx);
  return serializeChannel(row, first[0]?.id ?? null);
}

async function listChannelRows(ctx: Ctx, executor: DbOrTx = db) {
  return executor.select().from(channels).where(eq(channels.organizationId, ctx.orgId)).orderBy(asc(channels.createdAt), asc(channels.id));
}

export async function listChannels(ctx: Ctx) {
  const list = await listChannelRows(ctx);
  return { count: list.length, results: list.map((c) => serializeChannel(c, list[0]!.id)) };
}

/** Replies already queued keep their From (the thread remembers the address); new mail to it bounces. */
export async function deleteChannel(ctx: Ctx, id: string) {
  if (!isUuid(id)) throw notFound("Channel");
  const [row] = await db.delete(channels).where(and(eq(channels.id, id), eq(channels.organizationId, ctx.orgId))).returning({ id: channels.id });
  if (!row) throw notFound("Channel");
  return { id, deleted: true };
}

/** `channelId` when given (404 outside the organization), else the default channel; null when there is none. */
export async function findEmailChannel(ctx: Ctx, channelId?: string, executor: DbOrTx = db): Promise<Channel | null> {
  if (channelId) {
    if (!isUuid(channelId)) throw notFound("Channel");
    const [row] = await executor.select().from(channels).where(and(eq(channels.id, channelId), eq(channels.organizationId, ctx.orgId)));
    if (!row) throw notFound("Channel");
    return row;
  }
  return (await listChannelRows(ctx, executor))[0] ?? null;
}

/** Routing: the channels whose address is one of `addresses` (already lowercased, sub-address removed). */
export async function findChannelsByAddress(addresses: string[], executor: DbOrTx = db): Promise<Channel[]> {
  if (!addresses.length) return [];
  return executor.select().from(channels).where(sql`lower(${channels.address}) in ${addresses}`);
}
